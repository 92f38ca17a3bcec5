package dev.rover.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves the static test pages under {@code /actions/} on 127.0.0.1 (a free port), plus a few
 * dynamic routes: a file download (also one named by the query, for odd names), a login that sets a cookie, a page only a logged-in browser sees,
 * and a host page embedding a frame from a given URL (another origin when it comes from a second instance).
 * Start two instances to get two origins.
 */
public final class ActionTestServer implements AutoCloseable {

    /** The CSV body served by {@code /download/report.csv}. */
    public static final String REPORT = "id,name\n1,alpha\n2,beta\n";

    private final HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();

    public ActionTestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "action-test-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The URL of a path on this server. */
    public String url(String path) {
        return baseUrl() + (path.startsWith("/") ? path : "/" + path);
    }

    /** How many requests were served. */
    public int hits() {
        return hits.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        hits.incrementAndGet();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/download/report.csv" -> respond(exchange, 200, "text/csv", REPORT,
                        Map.of("Content-Disposition", "attachment; filename=\"report.csv\""));
                case "/login" -> {
                    exchange.getRequestBody().readAllBytes();
                    respond(exchange, 303, "text/plain", "",
                            Map.of("Set-Cookie", "session=s3cr3t-session; Path=/; HttpOnly", "Location", "/protected"));
                }
                case "/protected" -> {
                    String cookie = String.valueOf(exchange.getRequestHeaders().getFirst("Cookie"));
                    String status = cookie.contains("session=s3cr3t-session") ? "cookie-ok" : "no-cookie";
                    respond(exchange, 200, "text/html", "<html><body><p id=\"cookie\">" + status + "</p>"
                            + "<p id=\"user\"></p><script>document.getElementById('user').textContent = "
                            + "localStorage.getItem('user') ? 'Logged in as ' + localStorage.getItem('user') : 'anonymous';"
                            + "</script></body></html>", Map.of());
                }
                case "/cross.html" -> {
                    String query = String.valueOf(exchange.getRequestURI().getQuery());
                    String frame = query.startsWith("frame=") ? query.substring("frame=".length()) : "/frame.html";
                    respond(exchange, 200, "text/html", "<html><body><h1>Host</h1><iframe id=\"frame\" src=\""
                            + frame.replace("\"", "") + "\"></iframe></body></html>", Map.of());
                }
                case "/download/named" -> {
                    // ?name=... is sent back as the Content-Disposition file name, whatever it is
                    String query = String.valueOf(exchange.getRequestURI().getQuery());
                    String name = query.startsWith("name=") ? query.substring("name=".length()) : "";
                    respond(exchange, 200, "text/csv", REPORT,
                            Map.of("Content-Disposition", "attachment; filename=\"" + name.replace("\"", "") + "\""));
                }
                case "/download-link.html" -> respond(exchange, 200, "text/html", "<html><body><a data-rover-id=\"dl\" href=\"/download/named?"
                        + String.valueOf(exchange.getRequestURI().getRawQuery()) + "\">get it</a></body></html>", Map.of());
                case "/download-attribute.html" -> respond(exchange, 200, "text/html", "<html><body><a data-rover-id=\"dl\""
                        + " href=\"/download/report.csv\" download>Download report</a></body></html>", Map.of());
                case "/headers" -> respond(exchange, 200, "text/plain",
                        String.valueOf(exchange.getRequestHeaders().getFirst("X-Rover-Test")), Map.of());
                default -> serveResource(exchange, path);
            }
        }
    }

    private void serveResource(HttpExchange exchange, String path) throws IOException {
        String name = path.equals("/") ? "/actions/index.html" : "/actions" + path;
        if (name.contains("..")) {
            respond(exchange, 400, "text/plain", "bad path", Map.of());
            return;
        }
        try (InputStream in = ActionTestServer.class.getResourceAsStream(name)) {
            if (in == null) {
                respond(exchange, 404, "text/plain", "not found: " + path, Map.of());
                return;
            }
            byte[] body = in.readAllBytes();
            String type = name.endsWith(".html") ? "text/html; charset=utf-8" : "application/octet-stream";
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
