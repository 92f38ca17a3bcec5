package dev.rover.samples.e2e;

import static dev.rover.samples.e2e.StandInHttp.form;
import static dev.rover.samples.e2e.StandInHttp.html;
import static dev.rover.samples.e2e.StandInHttp.redirect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The vendor portal the real Skyvern export {@code bulk-invoice-downloader.yaml} was written for, with
 * the labels its goals use: a sign-in form, a dashboard linking "Order History", a date filter with a
 * "Filter" button, and a "Download Invoice" link on every order's page that serves a PDF invoice.
 */
final class EmberPortal implements AutoCloseable {

    /** One order of the portal. */
    record Order(String id, LocalDate date, String total, String status) {
    }

    static final List<Order> ORDERS = List.of(
            new Order("ER-3307", LocalDate.of(2026, 5, 28), "148.20", "Delivered"),
            new Order("ER-3302", LocalDate.of(2026, 5, 14), "62.75", "Shipped"),
            new Order("ER-3291", LocalDate.of(2026, 4, 30), "310.00", "Delivered"),
            new Order("ER-3288", LocalDate.of(2026, 3, 9), "45.10", "Delivered"));

    private final HttpServer server;
    private final String username;
    private final String password;
    private volatile boolean signedIn;

    private EmberPortal(String username, String password) throws IOException {
        this.username = username;
        this.password = password;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static EmberPortal start(String username, String password) throws IOException {
        return new EmberPortal(username, password);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The orders dated within [from, to]. */
    static List<Order> between(LocalDate from, LocalDate to) {
        return ORDERS.stream().filter(o -> !o.date().isBefore(from) && !o.date().isAfter(to)).toList();
    }

    /** The lines of an order's invoice PDF. */
    static List<String> invoiceLines(Order order) {
        return List.of("Ember Roasters", "Invoice ID: INV-" + order.id().substring(3), "Date: " + order.date(),
                "Amount: " + order.total());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            Map<String, String> query = form(ex.getRequestURI().getRawQuery());
            if (path.equals("/") || path.equals("/login")) {
                if ("POST".equals(ex.getRequestMethod())) {
                    Map<String, String> f = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    signedIn = username.equals(f.get("email")) && password.equals(f.get("password"));
                    redirect(ex, signedIn ? "/account" : "/login");
                    return;
                }
                html(ex, "Sign in", "<h1>Sign in to Ember Roasters</h1><form method=\"post\" action=\"/login\">"
                        + "<label for=\"email\">Email</label><input id=\"email\" name=\"email\" type=\"email\">"
                        + "<label for=\"password\">Password</label><input id=\"password\" name=\"password\" type=\"password\">"
                        + "<button type=\"submit\">Sign in</button></form>");
            } else if (!signedIn) {
                redirect(ex, "/login");
            } else if (path.equals("/account")) {
                html(ex, "Account dashboard", "<h1>Account dashboard</h1><p>Welcome back.</p>"
                        + "<nav><a href=\"/orders\">Order History</a> <a href=\"/help\">Help</a></nav>");
            } else if (path.equals("/orders")) {
                html(ex, "Order History", orders(query.get("start_date"), query.get("end_date")));
            } else if (path.startsWith("/orders/")) {
                Order order = ORDERS.stream().filter(o -> path.equals("/orders/" + o.id())).findFirst().orElse(null);
                if (order == null) {
                    html(ex, "Not found", "<h1>No such order</h1>");
                } else {
                    StringBuilder others = new StringBuilder("<nav><h2>Your orders</h2>");
                    ORDERS.forEach(o -> others.append("<a href=\"/orders/").append(o.id()).append("\" title=\"Order ").append(o.id())
                            .append("\">").append(o.id()).append("</a> "));
                    others.append("</nav>");
                    html(ex, "Order " + order.id(), others + "<main><h1>Order " + order.id() + "</h1><p>Placed on " + order.date()
                            + " · Total $" + order.total() + "</p><a href=\"/invoices/" + order.id() + ".pdf\" download>Download Invoice</a></main>");
                }
            } else if (path.startsWith("/invoices/")) {
                String id = path.substring("/invoices/".length()).replace(".pdf", "");
                Order order = ORDERS.stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
                byte[] pdf = ServiceFiles.pdf(invoiceLines(order));
                ex.getResponseHeaders().add("Content-Type", "application/pdf");
                ex.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"" + id + ".pdf\"");
                ex.sendResponseHeaders(200, pdf.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(pdf);
                }
            } else {
                html(ex, "Help", "<h1>Help</h1>");
            }
        }
    }

    private static String orders(String from, String to) {
        boolean filtered = from != null && to != null && !from.isBlank() && !to.isBlank();
        List<Order> shown = filtered ? between(LocalDate.parse(from), LocalDate.parse(to)) : List.of();
        StringBuilder rows = new StringBuilder();
        for (Order o : shown) {
            rows.append("<tr><td><a href=\"/orders/").append(o.id()).append("\" title=\"Order ")
                    .append(o.id()).append("\">").append(o.id()).append("</a></td><td>").append(o.date()).append("</td><td>$").append(o.total())
                    .append("</td><td>").append(o.status()).append("</td></tr>");
        }
        return "<h1>Order History</h1><form method=\"get\" action=\"/orders\">"
                + "<label for=\"start_date\">Start date</label><input id=\"start_date\" name=\"start_date\" type=\"date\" value=\"" + (from == null ? "" : from) + "\">"
                + "<label for=\"end_date\">End date</label><input id=\"end_date\" name=\"end_date\" type=\"date\" value=\"" + (to == null ? "" : to) + "\">"
                + "<button type=\"submit\">Filter</button></form>"
                + (filtered ? "<p>Showing orders between " + from + " and " + to + "</p><table>"
                : "<p>Choose a start and end date, then press Filter to list your orders.</p>") + (filtered ? "<thead><tr><th>Order ID</th><th>Date</th><th>Total</th><th>Status</th></tr></thead><tbody>"
                + rows + "</tbody></table>" : "");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
