package dev.rover.samples.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A few static pages on 127.0.0.1 for the run lifecycle tests that need a page but not the whole portal. */
final class LifecyclePages implements AutoCloseable {

    /** The product page's name and price, as the page shows them. */
    static final String PRODUCT_NAME = "Burr grinder Pro";
    static final double PRODUCT_PRICE = 129.50;

    private static final Map<String, String> PAGES = Map.of(
            "/product", """
                    <!doctype html><html><head><title>Product</title></head><body>
                    <h1>%s</h1>
                    <dl><dt>Name</dt><dd>%s</dd><dt>Price</dt><dd>$129.50</dd><dt>Stock</dt><dd>12 units</dd></dl>
                    <label for="qty">Quantity</label><input id="qty" name="qty" type="number" value="1">
                    <button type="button" onclick="document.getElementById('added').textContent='Added ' + document.getElementById('qty').value">Add to cart</button>
                    <p id="added"></p>
                    </body></html>
                    """.formatted(PRODUCT_NAME, PRODUCT_NAME));

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "lifecycle-pages");
        t.setDaemon(true);
        return t;
    });

    LifecyclePages() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the test pages", e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String page = PAGES.get(exchange.getRequestURI().getPath());
            byte[] bytes = (page == null ? "<!doctype html><title>Not found</title><h1>Not found</h1>" : page)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
