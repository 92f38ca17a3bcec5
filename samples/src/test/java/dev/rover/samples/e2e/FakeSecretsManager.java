package dev.rover.samples.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rover.core.json.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * AWS Secrets Manager on 127.0.0.1, speaking its JSON protocol for the one call Rover makes:
 * {@code POST /} with {@code X-Amz-Target: secretsmanager.GetSecretValue} and {@code {"SecretId": ...}}.
 * Unknown secrets answer {@code ResourceNotFoundException} as AWS does; unsigned requests are refused.
 */
final class FakeSecretsManager implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();

    private FakeSecretsManager() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeSecretsManager start() throws IOException {
        return new FakeSecretsManager();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeSecretsManager secret(String id, String value) {
        secrets.put(id, value);
        return this;
    }

    /** The secret ids asked for, in order. */
    List<String> requested() {
        return requested;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 ")) {
                reply(exchange, 400, Map.of("__type", "UnrecognizedClientException", "message", "The security token included in the request is invalid."));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod()) || !"secretsmanager.GetSecretValue".equals(target)) {
                reply(exchange, 400, Map.of("__type", "InvalidAction", "message", "unsupported: " + target));
                return;
            }
            JsonNode request = Json.mapper().readTree(exchange.getRequestBody());
            String id = request.path("SecretId").asText();
            requested.add(id);
            String value = secrets.get(id);
            if (value == null) {
                reply(exchange, 400, Map.of("__type", "ResourceNotFoundException",
                        "message", "Secrets Manager can't find the specified secret."));
                return;
            }
            reply(exchange, 200, Map.of("ARN", "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + id,
                    "Name", id, "SecretString", value, "VersionId", "v1", "VersionStages", List.of("AWSCURRENT"),
                    "CreatedDate", 1.7e9));
        }
    }

    private static void reply(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = Json.mapper().writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
