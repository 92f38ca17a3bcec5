package dev.rover.samples.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rover.core.secret.Totp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small vendor portal served on 127.0.0.1 (an ephemeral port) for demos and end-to-end tests:
 * login with password then a TOTP code, a dashboard, orders with a date filter and pagination,
 * order details with a PDF invoice download, and a contact form with a select, checkboxes and
 * a file upload; a public status page serves tasks that need no sign-in.
 */
public final class DemoSite implements AutoCloseable {

    /** Orders listed per page. */
    public static final int PAGE_SIZE = 10;

    private static final Logger log = LoggerFactory.getLogger(DemoSite.class);
    private static final String COOKIE = "demo_session";
    /** The contact form's topic values and the labels its select shows for them. */
    private static final Map<String, String> TOPICS = Map.of(
            "general", "General question", "billing", "Billing", "support", "Technical support");

    private final DemoAccount account;
    private final Clock clock;
    private final DemoOrders orders = new DemoOrders();
    private final DemoPages pages = new DemoPages();
    private final Map<String, Boolean> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger messages = new AtomicInteger(4100);
    private final SecureRandom random = new SecureRandom();
    private final HttpServer server;
    private final ExecutorService threads;

    private DemoSite(DemoAccount account, Clock clock) throws IOException {
        this.account = account;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.threads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "demo-site");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts the portal for this account on a free port of 127.0.0.1. */
    public static DemoSite start(DemoAccount account) throws IOException {
        return start(account, Clock.systemUTC());
    }

    /** Starts the portal with a clock for TOTP checks. */
    public static DemoSite start(DemoAccount account, Clock clock) throws IOException {
        return new DemoSite(account, clock);
    }

    /** The base URL, e.g. {@code http://127.0.0.1:43817}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The orders the portal shows. */
    public DemoOrders orders() {
        return orders;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** Routes one request; the exchange stays open until an error response could be sent. */
    private void handle(HttpExchange ex) throws IOException {
        try {
            route(ex);
        } catch (IllegalArgumentException e) {
            log.warn("demo site rejected {} {}: {}", ex.getRequestMethod(), ex.getRequestURI().getPath(), e.getMessage());
            if (ex.getResponseCode() == -1) {
                send(ex, 400, "text/plain; charset=utf-8", "Bad request to " + ex.getRequestURI().getPath() + ": " + e.getMessage());
            }
        } catch (RuntimeException e) {
            log.warn("demo site failed on {} {}", ex.getRequestMethod(), ex.getRequestURI().getPath(), e);
            if (ex.getResponseCode() == -1) {
                send(ex, 500, "text/plain; charset=utf-8", "The demo portal failed on " + ex.getRequestURI().getPath() + ": " + e);
            }
        } finally {
            ex.close();
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        boolean post = "POST".equals(ex.getRequestMethod());
        String session = session(ex);
        boolean loggedIn = session != null && Boolean.TRUE.equals(sessions.get(session));
        if (path.equals("/style.css")) {
            send(ex, 200, "text/css", pages.resource("style.css"));
        } else if (path.equals("/")) {
            redirect(ex, loggedIn ? "/dashboard" : "/login");
        } else if (path.equals("/status")) {
            html(ex, 200, pages.page("status", "Service status", loggedIn, Map.of("order_count", orders.all().size())));
        } else if (path.equals("/login")) {
            login(ex, post);
        } else if (path.equals("/verify")) {
            verify(ex, post, session);
        } else if (!loggedIn) {
            redirect(ex, "/login");
        } else if (path.equals("/logout")) {
            sessions.remove(session);
            redirect(ex, "/login");
        } else if (path.equals("/dashboard")) {
            html(ex, 200, pages.page("dashboard", "Dashboard", true, Map.of("username", account.username())));
        } else if (path.equals("/orders")) {
            orderList(ex);
        } else if (path.matches("/orders/ORD-\\d+/invoice\\.pdf")) {
            invoice(ex, path.split("/")[2]);
        } else if (path.matches("/orders/ORD-\\d+")) {
            orderDetail(ex, path.substring("/orders/".length()));
        } else if (path.equals("/contact")) {
            contact(ex, post);
        } else {
            html(ex, 404, pages.page("not-found", "Not found", true, Map.of("path", path)));
        }
    }

    private void login(HttpExchange ex, boolean post) throws IOException {
        if (!post) {
            html(ex, 200, pages.page("login", "Sign in", false, Map.of("error", "")));
            return;
        }
        FormData form = FormData.parse(ex.getRequestHeaders().getFirst("Content-Type"), ex.getRequestBody().readAllBytes());
        if (account.username().equalsIgnoreCase(form.get("username").trim()) && account.password().equals(form.get("password"))) {
            byte[] token = new byte[16];
            random.nextBytes(token);
            String id = HexFormat.of().formatHex(token);
            sessions.put(id, false);
            ex.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Lax");
            redirect(ex, "/verify");
        } else {
            html(ex, 401, pages.page("login", "Sign in", false, Map.of("error", "Invalid username or password.")));
        }
    }

    private void verify(HttpExchange ex, boolean post, String session) throws IOException {
        if (session == null || !sessions.containsKey(session)) {
            redirect(ex, "/login");
            return;
        }
        if (!post) {
            html(ex, 200, pages.page("verify", "Two-step verification", false, Map.of("error", "")));
            return;
        }
        FormData form = FormData.parse(ex.getRequestHeaders().getFirst("Content-Type"), ex.getRequestBody().readAllBytes());
        String code = form.get("code").replaceAll("\\s", "");
        Totp totp = Totp.fromBase32(account.totpSecret());
        var now = clock.instant();
        boolean valid = List.of(now, now.minus(Duration.ofSeconds(30)), now.plus(Duration.ofSeconds(30))).stream()
                .anyMatch(t -> totp.codeAt(t).equals(code));
        if (valid) {
            sessions.put(session, true);
            redirect(ex, "/dashboard");
        } else {
            html(ex, 401, pages.page("verify", "Two-step verification", false, Map.of("error", "Invalid verification code.")));
        }
    }

    private void orderList(HttpExchange ex) throws IOException {
        FormData q = FormData.query(ex.getRequestURI().getRawQuery());
        Map<String, Object> values = new HashMap<>();
        LocalDate from = date(q.get("from"));
        LocalDate to = date(q.get("to"));
        List<DemoOrders.Order> matching = orders.between(from, to);
        int pageCount = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(pageCount, Math.max(1, parseInt(q.get("page"), 1)));
        List<DemoOrders.Order> shown = matching.subList((page - 1) * PAGE_SIZE, Math.min(matching.size(), page * PAGE_SIZE));
        values.put("orders", shown.stream().map(o -> Map.of("id", o.id(), "date", o.date().toString(),
                "total", o.totalText(), "status", o.status())).toList());
        values.put("from", from == null ? "" : from.toString());
        values.put("to", to == null ? "" : to.toString());
        values.put("page", page);
        values.put("page_count", pageCount);
        values.put("match_count", matching.size());
        String filter = (from == null ? "" : "&from=" + from) + (to == null ? "" : "&to=" + to);
        values.put("prev_url", page > 1 ? "/orders?page=" + (page - 1) + filter : "");
        values.put("next_url", page < pageCount ? "/orders?page=" + (page + 1) + filter : "");
        values.put("filtered", from != null || to != null);
        html(ex, 200, pages.page("orders", "Orders", true, values));
    }

    private void orderDetail(HttpExchange ex, String id) throws IOException {
        var order = orders.find(id);
        if (order.isEmpty()) {
            html(ex, 404, pages.page("not-found", "Not found", true, Map.of("path", ex.getRequestURI().getPath())));
            return;
        }
        var o = order.get();
        html(ex, 200, pages.page("order", "Order " + o.id(), true, Map.of("id", o.id(), "date", o.date().toString(),
                "total", o.totalText(), "status", o.status(), "items", String.join(", ", o.items()))));
    }

    private void invoice(HttpExchange ex, String id) throws IOException {
        var order = orders.find(id);
        if (order.isEmpty()) {
            send(ex, 404, "text/plain", "no order " + id);
            return;
        }
        byte[] pdf = InvoicePdf.render(order.get());
        ex.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"invoice-" + id + ".pdf\"");
        ex.getResponseHeaders().add("Content-Type", "application/pdf");
        ex.sendResponseHeaders(200, pdf.length);
        ex.getResponseBody().write(pdf);
    }

    private void contact(HttpExchange ex, boolean post) throws IOException {
        if (!post) {
            html(ex, 200, pages.page("contact", "Contact us", true, Map.of()));
            return;
        }
        FormData form = FormData.parse(ex.getRequestHeaders().getFirst("Content-Type"), ex.getRequestBody().readAllBytes());
        Map<String, Object> values = new HashMap<>();
        values.put("reference", "MSG-" + messages.incrementAndGet());
        values.put("name", form.get("name"));
        values.put("email", form.get("email"));
        values.put("topic", TOPICS.getOrDefault(form.get("topic"), form.get("topic")));
        values.put("urgent", form.has("urgent") ? "Yes" : "No");
        values.put("copy", form.has("copy") ? "Yes" : "No");
        values.put("message", form.get("message"));
        FormData.UploadedFile file = form.file("attachment");
        values.put("attachment", file == null ? "None" : file.fileName() + " (" + file.size() + " bytes)");
        html(ex, 200, pages.page("contact-sent", "Message sent", true, values));
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int parseInt(String s, int fallback) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String session(HttpExchange ex) {
        for (String header : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String c : header.split(";")) {
                String cookie = c.trim();
                if (cookie.startsWith(COOKIE + "=")) {
                    return cookie.substring(COOKIE.length() + 1);
                }
            }
        }
        return null;
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().add("Location", URI.create(location).toString());
        ex.sendResponseHeaders(303, -1);
    }

    private static void html(HttpExchange ex, int status, String body) throws IOException {
        send(ex, status, "text/html; charset=utf-8", body);
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }
}
