package dev.rover.samples.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An S3-compatible server on 127.0.0.1 speaking the path-style object calls the AWS SDK makes
 * ({@code PUT /bucket/key}, {@code GET /bucket/key}), including the {@code aws-chunked} body encoding the
 * SDK uses for signed streaming uploads over plain HTTP. Every request must carry a SigV4
 * {@code Authorization} header with the expected access key id. Objects are kept in memory for assertions.
 * Written instead of Adobe S3Mock: its JUnit extension boots a Spring Boot application, whose own Jackson
 * and web stack would share the test class path with Rover's pinned versions.
 */
final class FakeS3Server implements AutoCloseable {

    private final HttpServer server;
    private final String accessKeyId;
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

    private FakeS3Server(String accessKeyId) throws IOException {
        this.accessKeyId = accessKeyId;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A server accepting requests signed with this access key id. */
    static FakeS3Server start(String accessKeyId) throws IOException {
        return new FakeS3Server(accessKeyId);
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The stored objects by {@code bucket/key}. */
    Map<String, byte[]> objects() {
        return objects;
    }

    void put(String bucketAndKey, byte[] content) {
        objects.put(bucketAndKey, content);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/")) {
                reply(exchange, 403, error("InvalidAccessKeyId", "unknown access key"));
                return;
            }
            String path = exchange.getRequestURI().getPath().replaceFirst("^/", "");
            byte[] body = exchange.getRequestBody().readAllBytes();
            switch (exchange.getRequestMethod()) {
                case "PUT" -> {
                    String sha = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
                    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
                    boolean chunked = (sha != null && sha.startsWith("STREAMING-"))
                            || (encoding != null && encoding.contains("aws-chunked"));
                    objects.put(path, chunked ? dechunk(body) : body);
                    exchange.getResponseHeaders().add("ETag", "\"" + Integer.toHexString(path.hashCode()) + "\"");
                    reply(exchange, 200, new byte[0]);
                }
                case "GET" -> {
                    byte[] content = objects.get(path);
                    if (content == null) {
                        reply(exchange, 404, error("NoSuchKey", "The specified key does not exist."));
                    } else {
                        reply(exchange, 200, content);
                    }
                }
                default -> reply(exchange, 405, error("MethodNotAllowed", exchange.getRequestMethod()));
            }
        }
    }

    /** Decodes {@code aws-chunked}: {@code hex-size[;chunk-signature=...]\r\n data \r\n}... then {@code 0} and trailers. */
    static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length) {
            int lineEnd = indexOf(body, i);
            String header = new String(body, i, lineEnd - i, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] body, int from) {
        for (int i = from; i + 1 < body.length; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("malformed aws-chunked body");
    }

    private static byte[] error(String code, String message) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>").getBytes(StandardCharsets.UTF_8);
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
