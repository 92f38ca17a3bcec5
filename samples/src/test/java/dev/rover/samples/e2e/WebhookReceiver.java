package dev.rover.samples.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A webhook endpoint on 127.0.0.1 that answers from a script of statuses (then 200) and records every delivery. */
final class WebhookReceiver implements AutoCloseable {

    /** One delivery as received. */
    record Delivery(String body, String signature, String timestamp, int answeredWith) {
    }

    private record Answer(int status, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "webhook-receiver");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Answer> script = new ConcurrentLinkedDeque<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the webhook receiver", e);
        }
        server.createContext("/hook", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next delivery is answered with this status and headers. */
    WebhookReceiver answer(int status, Map<String, String> headers) {
        script.add(new Answer(status, headers));
        return this;
    }

    List<Delivery> deliveries() {
        return new ArrayList<>(deliveries);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Answer answer = script.poll();
            int status = answer == null ? 200 : answer.status();
            deliveries.add(new Delivery(body, exchange.getRequestHeaders().getFirst("X-Rover-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Rover-Timestamp"), status));
            if (answer != null) {
                answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
