package dev.rover.llm.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rover.core.json.Json;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An in-process model provider on 127.0.0.1 speaking the real wire protocol of OpenAI chat
 * completions, Anthropic messages or Ollama's native chat; it answers from a script and records
 * every request it receives.
 */
public final class FakeProvider implements AutoCloseable {

    /** The wire protocol spoken. */
    public enum Protocol { OPENAI, ANTHROPIC, OLLAMA }

    /** A request as received. */
    public record Received(String method, String path, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Every text part of every message, joined: what the model was told. */
        public String allText() {
            StringBuilder sb = new StringBuilder();
            JsonNode root = json();
            if (root.has("system")) {
                appendContent(sb, root.get("system"));
            }
            for (JsonNode m : root.path("messages")) {
                appendContent(sb, m.get("content"));
            }
            return sb.toString();
        }

        private static void appendContent(StringBuilder sb, JsonNode content) {
            if (content == null) {
                return;
            }
            if (content.isTextual()) {
                sb.append(content.asText()).append('\n');
            } else if (content.isArray()) {
                content.forEach(part -> {
                    if (part.has("text")) {
                        sb.append(part.get("text").asText()).append('\n');
                    }
                });
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private record Step(int status, Map<String, String> headers, String content, int inputTokens, int outputTokens,
                        boolean stall) {
    }

    private final Protocol protocol;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Step> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile Step repeat;

    private FakeProvider(Protocol protocol) throws IOException {
        this.protocol = protocol;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static FakeProvider start(Protocol protocol) {
        try {
            return new FakeProvider(protocol);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL a LangChain4j model of this protocol is configured with. */
    public String baseUrl() {
        String root = "http://127.0.0.1:" + server.getAddress().getPort();
        return protocol == Protocol.OLLAMA ? root : root + "/v1";
    }

    /** Next, answer with this message content and token counts. */
    public FakeProvider answer(String content, int inputTokens, int outputTokens) {
        script.add(new Step(200, Map.of(), content, inputTokens, outputTokens, false));
        return this;
    }

    /** Next, answer with this content and 10 input / 5 output tokens. */
    public FakeProvider answer(String content) {
        return answer(content, 10, 5);
    }

    /** Next, fail with this status, error body and headers. */
    public FakeProvider fail(int status, Map<String, String> headers) {
        script.add(new Step(status, headers, "{\"error\":{\"message\":\"scripted failure " + status + "\"}}", 0, 0, false));
        return this;
    }

    /** Answer every request, once the script is used up, with this status. */
    public FakeProvider alwaysFail(int status) {
        repeat = new Step(status, Map.of(), "{\"error\":{\"message\":\"scripted failure " + status + "\"}}", 0, 0, false);
        return this;
    }

    /** Next, hold the request without answering until the provider is closed. */
    public FakeProvider stall() {
        script.add(new Step(0, Map.of(), "", 0, 0, true));
        return this;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public Received last() {
        return received.get(received.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        Step step = script.poll();
        if (step == null) {
            step = repeat != null ? repeat
                    : new Step(500, Map.of(), "{\"error\":{\"message\":\"the fake provider's script is used up\"}}", 0, 0, false);
        }
        try {
            if (step.stall()) {
                awaitRelease();
                return;
            }
            step.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            String out = step.status() == 200 ? success(step, body) : step.content();
            byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(step.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } finally {
            exchange.close();
        }
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String success(Step step, String requestBody) {
        String model = "unknown";
        try {
            model = Json.mapper().readTree(requestBody).path("model").asText("unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("the fake provider got a request that is not JSON", e);
        }
        ObjectNode root = Json.mapper().createObjectNode();
        switch (protocol) {
            case OPENAI -> {
                root.put("id", "chatcmpl-" + received.size());
                root.put("object", "chat.completion");
                root.put("created", 1_700_000_000L);
                root.put("model", model);
                ArrayNode choices = root.putArray("choices");
                ObjectNode choice = choices.addObject();
                choice.put("index", 0);
                choice.putObject("message").put("role", "assistant").put("content", step.content());
                choice.put("finish_reason", "stop");
                root.putObject("usage").put("prompt_tokens", step.inputTokens())
                        .put("completion_tokens", step.outputTokens())
                        .put("total_tokens", step.inputTokens() + step.outputTokens());
            }
            case ANTHROPIC -> {
                root.put("id", "msg_" + received.size());
                root.put("type", "message");
                root.put("role", "assistant");
                root.put("model", model);
                root.putArray("content").addObject().put("type", "text").put("text", step.content());
                root.put("stop_reason", "end_turn");
                root.putObject("usage").put("input_tokens", step.inputTokens()).put("output_tokens", step.outputTokens());
            }
            case OLLAMA -> {
                root.put("model", model);
                root.put("created_at", "2026-01-01T00:00:00Z");
                root.putObject("message").put("role", "assistant").put("content", step.content());
                root.put("done", true);
                root.put("done_reason", "stop");
                root.put("prompt_eval_count", step.inputTokens());
                root.put("eval_count", step.outputTokens());
            }
        }
        return root.toString();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
