package dev.rover;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** What the tests' local sites share: serving on 127.0.0.1 at a free port, answering with an HTML page, stopping. */
final class TestPages {

    private TestPages() {
    }

    /** Answers with {@code html}, status 200, as UTF-8. */
    static void html(HttpExchange ex, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    /** A site on 127.0.0.1 at a free port, started once {@code routes} has set its handlers (and executor, if any). */
    static HttpServer serve(Consumer<HttpServer> routes) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        routes.accept(server);
        server.start();
        return server;
    }

    /** The site's address: {@code http://127.0.0.1:<port>}. */
    static String base(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Closes the test class's Rover, when it was built, then stops its site. */
    static void stop(Rover rover, HttpServer server) {
        try {
            if (rover != null) {
                rover.close();
            }
        } finally {
            if (server != null) {
                server.stop(0);
            }
        }
    }
}
