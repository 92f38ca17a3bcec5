package dev.rover.browser.bench;

import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the observer's test pages from the classpath on 127.0.0.1 (an ephemeral port), with a
 * second server on another port that pages load cross-origin iframes from. Used by the observer
 * tests and by {@link ObserveBenchmark}, so both measure the very same pages.
 */
public final class PageServer implements AutoCloseable {

    /** The pages every recall check and benchmark covers, relative to the server root. */
    public static final List<String> PAGES = List.of("forms.html", "frames.html", "frames-two.html", "shadow.html", "hidden.html",
            "modal.html", "dropdowns.html", "widgets.html", "lazy.html", "content.html", LargePage.PATH);

    private static final Logger LOG = LoggerFactory.getLogger(PageServer.class);
    private static final String ROOT = "/dev/rover/browser/pages/";
    private static final String CROSS_ORIGIN_TOKEN = "{{CROSS_ORIGIN}}";
    /** The second server under the primary's host: another origin (its port), but the same site as the pages. */
    private static final String OTHER_PORT_TOKEN = "{{OTHER_PORT}}";

    private final HttpServer primary;
    private final HttpServer secondary;
    private final ExecutorService executor;

    private PageServer(HttpServer primary, HttpServer secondary, ExecutorService executor) {
        this.primary = primary;
        this.secondary = secondary;
        this.executor = executor;
    }

    /** Starts both servers on 127.0.0.1 and free ports. */
    public static PageServer start() {
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "rover-page-server");
            t.setDaemon(true);
            return t;
        });
        try {
            HttpServer secondary = bind(executor);
            String crossOrigin = "http://localhost:" + secondary.getAddress().getPort();
            HttpServer primary = bind(executor);
            primary.createContext("/", exchange -> handle(exchange, crossOrigin));
            secondary.createContext("/", exchange -> handle(exchange, crossOrigin));
            primary.start();
            secondary.start();
            return new PageServer(primary, secondary, executor);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new IllegalStateException("cannot start the page server on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    private static HttpServer bind(ExecutorService executor) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        return server;
    }

    /** The URL of a page on the primary origin, for example {@code url("forms.html")}. */
    public String url(String page) {
        return "http://127.0.0.1:" + primary.getAddress().getPort() + "/" + page;
    }

    /** The URL of a page on the second, cross-origin server. */
    public String crossOriginUrl(String page) {
        return "http://localhost:" + secondary.getAddress().getPort() + "/" + page;
    }

    /**
     * Opens a test page and waits until it shows everything it declares: the lazy list gets its
     * first items after load and more once scrolled to the bottom, then scrolls back to the top.
     */
    public void load(Page page, String pageName) {
        page.navigate(url(pageName));
        if (pageName.equals("lazy.html")) {
            page.waitForSelector("body[data-loaded=first]");
            page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)");
            page.waitForSelector("body[data-loaded=more]");
            page.evaluate("() => window.scrollTo(0, 0)");
        }
        if (pageName.startsWith("frames")) {
            for (var frame : page.frames()) {
                frame.waitForLoadState();
            }
        }
    }

    private static void handle(HttpExchange exchange, String crossOrigin) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/" + LargePage.PATH)) {
                send(exchange, 200, "text/html; charset=utf-8", LargePage.html().getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/download/")) {
                exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"report.csv\"");
                send(exchange, 200, "text/csv", "id,amount\n1,42\n".getBytes(StandardCharsets.UTF_8));
            } else {
                serveResource(exchange, path, crossOrigin);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("page server failed on {}: {}", exchange.getRequestURI(), e.toString());
            throw e;
        }
    }

    private static void serveResource(HttpExchange exchange, String path, String crossOrigin) throws IOException {
        String name = path.equals("/") ? "index.html" : path.substring(1);
        if (name.contains("..") || !name.matches("[a-z0-9-]+\\.(html|js|css)")) {
            send(exchange, 404, "text/plain", ("no page " + path).getBytes(StandardCharsets.UTF_8));
            return;
        }
        try (InputStream in = PageServer.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                send(exchange, 404, "text/plain", ("no page " + path).getBytes(StandardCharsets.UTF_8));
                return;
            }
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(CROSS_ORIGIN_TOKEN, crossOrigin)
                    .replace(OTHER_PORT_TOKEN, crossOrigin.replace("//localhost:", "//127.0.0.1:"));
            String type = name.endsWith(".html") ? "text/html; charset=utf-8"
                    : name.endsWith(".js") ? "text/javascript" : "text/css";
            send(exchange, 200, type, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops both servers at once and their threads. */
    @Override
    public void close() {
        primary.stop(0);
        secondary.stop(0);
        executor.shutdownNow();
    }
}
