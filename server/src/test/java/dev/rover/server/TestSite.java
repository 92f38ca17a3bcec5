package dev.rover.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Pages on 127.0.0.1 for the server's tests: a product page to extract from, a sign-in with a one-time
 * code step, and a webhook receiver that records what it is sent.
 */
final class TestSite implements AutoCloseable {

    static final String USER = "buyer@example.com";
    static final String PASSWORD = "correct-horse-battery";
    static final String CODE = "493817";

    private static final String PRODUCT = """
            <!doctype html><html><head><title>Product</title></head><body>
            <h1>Burr grinder Pro</h1>
            <dl><dt>Name</dt><dd>Burr grinder Pro</dd><dt>Price</dt><dd>$129.50</dd></dl>
            </body></html>""";
    private static final String SEARCH = """
            <!doctype html><html><head><title>Shop search</title></head><body>
            <h1>Coffee shop</h1>
            <form method="get" action="/results">
              <label for="q">Search</label>
              <input id="q" name="q" type="search">
              <button type="submit">Search</button>
            </form></body></html>""";
    private static final String LOGIN = """
            <!doctype html><html><head><title>Sign in</title></head><body>
            <h1>Sign in to the vendor portal</h1>%s
            <form method="post" action="/login">
              <label for="username">Username</label>
              <input id="username" name="username" type="email" autocomplete="username" required>
              <label for="password">Password</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required>
              <button type="submit">Sign in</button>
            </form></body></html>""";
    private static final String VERIFY = """
            <!doctype html><html><head><title>Verify</title></head><body>
            <h1>Two-step verification</h1>
            <p>Enter the 6-digit code from your authenticator app.</p>%s
            <form method="post" action="/verify">
              <label for="code">Verification code</label>
              <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6" required>
              <button type="submit">Verify</button>
            </form></body></html>""";
    private static final String DASHBOARD = """
            <!doctype html><html><head><title>Dashboard</title></head><body><h1>Dashboard</h1><p>Welcome back.</p></body></html>""";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "test-site");
        t.setDaemon(true);
        return t;
    });
    private final List<String> webhooks = new CopyOnWriteArrayList<>();
    private final List<String> codesTyped = new CopyOnWriteArrayList<>();

    TestSite() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    String origin() {
        return url("");
    }

    List<String> webhooks() {
        return webhooks;
    }

    List<String> codesTyped() {
        return codesTyped;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            boolean post = "POST".equals(ex.getRequestMethod());
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            switch (path) {
                case "/product" -> page(ex, 200, PRODUCT);
                case "/search" -> page(ex, 200, SEARCH);
                case "/results" -> page(ex, 200, "<!doctype html><title>Results</title><h1>Results for "
                        + form(String.valueOf(ex.getRequestURI().getQuery())).getOrDefault("q", "").replaceAll("[^a-z ]", "")
                        + "</h1><ul><li>Burr grinder Pro</li><li>Hand grinder</li></ul>");
                case "/login" -> {
                    if (!post) {
                        page(ex, 200, LOGIN.formatted(""));
                    } else if (USER.equals(form(body).get("username")) && PASSWORD.equals(form(body).get("password"))) {
                        redirect(ex, "/verify");
                    } else {
                        page(ex, 200, LOGIN.formatted("<p role=\"alert\">Wrong username or password.</p>"));
                    }
                }
                case "/verify" -> {
                    if (!post) {
                        page(ex, 200, VERIFY.formatted(""));
                    } else {
                        String code = form(body).getOrDefault("code", "");
                        codesTyped.add(code);
                        if (CODE.equals(code)) {
                            redirect(ex, "/dashboard");
                        } else {
                            page(ex, 200, VERIFY.formatted("<p role=\"alert\">That code is not right.</p>"));
                        }
                    }
                }
                case "/dashboard" -> page(ex, 200, DASHBOARD);
                case "/webhook" -> {
                    webhooks.add(body);
                    ex.sendResponseHeaders(200, -1);
                }
                default -> page(ex, 404, "<!doctype html><title>Not found</title><h1>Not found</h1>");
            }
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void redirect(HttpExchange ex, String to) throws IOException {
        ex.getResponseHeaders().add("Location", to);
        ex.sendResponseHeaders(303, -1);
    }

    private static void page(HttpExchange ex, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
