package dev.rover.samples.offline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Serves the corpus pages from the classpath on 127.0.0.1 and a free port. */
final class CorpusPageServer implements AutoCloseable {

    private final HttpServer server;

    private CorpusPageServer(HttpServer server) {
        this.server = server;
    }

    static CorpusPageServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", CorpusPageServer::handle);
            server.start();
            return new CorpusPageServer(server);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the corpus page server on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    String url(String page) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + page;
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().replaceFirst("^/", "");
        byte[] body = PhrasingCorpus.resource(name);
        int status = body == null ? 404 : 200;
        if (body == null) {
            body = "not found".getBytes(StandardCharsets.UTF_8);
        }
        String type = name.endsWith(".js") ? "text/javascript" : name.endsWith(".html") ? "text/html" : "text/plain";
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
