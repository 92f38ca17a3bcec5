package dev.rover.samples.e2e.fakellm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rover.core.json.Json;
import dev.rover.llm.LlmConfig;
import dev.rover.llm.Provider;
import dev.rover.llm.resilience.ResilienceSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible provider on 127.0.0.1 ({@code POST /v1/chat/completions}) that replays a
 * script: each decide request gets the next scripted turn, its intentions resolved against the
 * elements of the prompt it received and answered in Skyvern's JSON action schema; extraction
 * requests get the next scripted data (fixed, or read from the prompt); verification follows a
 * {@code URL contains ...} or {@code the page shows "..."} criterion.
 * Every request is recorded so tests can check what the model was told.
 */
public final class ScriptedLlmProvider implements AutoCloseable {

    /** An API key that must never show up anywhere Rover writes. */
    public static final String API_KEY = "sk-fake-e2e-NEVER-LOGGED-4c1d";

    /** What a request asked for, judged from the prompt. */
    public enum Kind { DECIDE, EXTRACT, VERIFY, PROMPT }

    /** A received request and what was answered. */
    public record Call(Kind kind, String prompt, String requestBody, String answer) {
    }

    private static final Pattern URL_CRITERION = Pattern.compile("counts as reached when: URL contains (\\S+)");
    private static final Pattern TEXT_CRITERION = Pattern.compile("counts as reached when: the page shows \"([^\"]+)\"");
    private static final int INPUT_TOKENS = 400;
    private static final int OUTPUT_TOKENS = 60;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-llm");
        t.setDaemon(true);
        return t;
    });
    private final Deque<List<Intent>> turns = new ConcurrentLinkedDeque<>();
    private final Deque<Function<String, String>> extractions = new ConcurrentLinkedDeque<>();
    private final Deque<Function<String, String>> promptAnswers = new ConcurrentLinkedDeque<>();
    private final Deque<java.util.function.Predicate<String>> verdicts = new ConcurrentLinkedDeque<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile List<Intent> repeatedTurn;

    private ScriptedLlmProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public static ScriptedLlmProvider start() {
        try {
            return new ScriptedLlmProvider();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the scripted LLM provider", e);
        }
    }

    /** The OpenAI base URL of this provider. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** An OpenAI configuration pointed here, with short timeouts and no waiting between retries worth noticing. */
    public LlmConfig.Builder config() {
        return LlmConfig.builder(Provider.OPENAI)
                .baseUrl(baseUrl())
                .apiKey(API_KEY)
                .model("gpt-4o-mini")
                .timeout(Duration.ofSeconds(10))
                .resilience(ResilienceSettings.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(5))
                        .maxBackoff(Duration.ofMillis(20)).jitter(0.1).breakerFailures(50)
                        .breakerOpenDuration(Duration.ofSeconds(1)).build());
    }

    /** The next decide request is answered with these intentions, in order. */
    public ScriptedLlmProvider then(Intent... intents) {
        turns.add(List.of(intents));
        return this;
    }

    /** Once the scripted turns are used up, every decide request gets these intentions. */
    public ScriptedLlmProvider thenForever(Intent... intents) {
        repeatedTurn = List.of(intents);
        return this;
    }

    /** The next extraction request is answered with this data (JSON). */
    public ScriptedLlmProvider extracts(String dataJson) {
        extractions.add(prompt -> dataJson);
        return this;
    }

    /** The next extraction request is answered with the data (JSON) this function reads from the prompt it gets. */
    public ScriptedLlmProvider extractsFrom(Function<String, String> reader) {
        extractions.add(reader);
        return this;
    }

    /** The next text_prompt request is answered with the data (JSON) this function writes from the prompt it gets. */
    public ScriptedLlmProvider answersPrompt(Function<String, String> writer) {
        promptAnswers.add(writer);
        return this;
    }

    /**
     * The next verification request that follows no {@code URL contains} / {@code the page shows "..."} criterion
     * (a conditional's or validation's prompt criterion) is judged achieved when this test of the prompt holds.
     */
    public ScriptedLlmProvider judges(java.util.function.Predicate<String> achieved) {
        verdicts.add(achieved);
        return this;
    }

    /** Forgets the remaining script and the recorded calls (between tests sharing one provider). */
    public void reset() {
        turns.clear();
        extractions.clear();
        promptAnswers.clear();
        verdicts.clear();
        calls.clear();
        repeatedTurn = null;
        failures.set(0);
    }

    /** Every request so far, in arrival order. */
    public List<Call> calls() {
        return new ArrayList<>(calls);
    }

    /** The requests of one kind. */
    public List<Call> calls(Kind kind) {
        return calls.stream().filter(c -> c.kind() == kind).toList();
    }

    /** Requests that could not be answered from the script (each one also answered with HTTP 500). */
    public int scriptFailures() {
        return failures.get();
    }

    /** Tokens every answer reports: prompt tokens. */
    public static int inputTokensPerCall() {
        return INPUT_TOKENS;
    }

    /** Tokens every answer reports: completion tokens. */
    public static int outputTokensPerCall() {
        return OUTPUT_TOKENS;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode request = Json.mapper().readTree(body);
            String prompt = promptText(request);
            Kind kind = kindOf(prompt);
            String content;
            try {
                content = answer(kind, prompt);
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                calls.add(new Call(kind, prompt, body, "error: " + e.getMessage()));
                respond(exchange, 500, error(e.getMessage()));
                return;
            }
            calls.add(new Call(kind, prompt, body, content));
            respond(exchange, 200, completion(request.path("model").asText("unknown"), content));
        }
    }

    private String answer(Kind kind, String prompt) {
        PromptElements page = PromptElements.read(prompt);
        return switch (kind) {
            case DECIDE -> decide(page);
            case EXTRACT -> {
                Function<String, String> reader = extractions.poll();
                if (reader == null) {
                    throw new IllegalStateException("the script has no extraction left");
                }
                ObjectNode root = Json.mapper().createObjectNode();
                root.put("reasoning", "read from the page's content");
                root.set("data", readJson(reader.apply(prompt)));
                yield root.toString();
            }
            case VERIFY -> verdict(prompt, page);
            case PROMPT -> {
                Function<String, String> writer = promptAnswers.poll();
                if (writer == null) {
                    throw new IllegalStateException("the script has no text_prompt answer left");
                }
                ObjectNode root = Json.mapper().createObjectNode();
                root.put("reasoning", "written for the prompt");
                root.set("data", readJson(writer.apply(prompt)));
                yield root.toString();
            }
        };
    }

    private String decide(PromptElements page) {
        List<Intent> turn = turns.poll();
        if (turn == null) {
            turn = repeatedTurn;
        }
        if (turn == null) {
            throw new IllegalStateException("the script has no decide turn left (page " + page.pageUrl() + ")");
        }
        ObjectNode root = Json.mapper().createObjectNode();
        boolean complete = turn.stream().anyMatch(i -> i instanceof Intent.Complete);
        root.put("user_goal_achieved", complete);
        root.put("action_plan", "scripted turn: " + turn);
        ArrayNode actions = root.putArray("actions");
        turn.forEach(i -> actions.add(i.toAction(page)));
        return root.toString();
    }

    private String verdict(String prompt, PromptElements page) {
        if (URL_CRITERION.matcher(prompt).find() || TEXT_CRITERION.matcher(prompt).find()) {
            return verify(prompt, page);
        }
        java.util.function.Predicate<String> judge = verdicts.poll();
        if (judge == null) {
            return verify(prompt, page);
        }
        String content = prompt.substring(Math.max(0, prompt.indexOf("Page content:")));
        boolean achieved = judge.test(content);
        return Json.mapper().createObjectNode().put("status", achieved ? "achieved" : "not_achieved")
                .put("reason", achieved ? "the scripted judge found the criterion met" : "the scripted judge found it unmet").toString();
    }

    private static String verify(String prompt, PromptElements page) {
        Matcher m = URL_CRITERION.matcher(prompt);
        Matcher text = TEXT_CRITERION.matcher(prompt);
        String content = prompt.substring(Math.max(0, prompt.indexOf("Page content:")));
        ObjectNode root = Json.mapper().createObjectNode();
        if (m.find() && page.pageUrl().contains(m.group(1))) {
            root.put("status", "achieved").put("reason", "the URL " + page.pageUrl() + " contains " + m.group(1));
        } else if (text.find() && content.contains(text.group(1))) {
            root.put("status", "achieved").put("reason", "the page shows \"" + text.group(1) + "\"");
        } else {
            root.put("status", "not_achieved").put("reason", "nothing on " + page.pageUrl() + " shows the goal is reached");
        }
        return root.toString();
    }

    private static Kind kindOf(String prompt) {
        if (prompt.startsWith("You extract data")) {
            return Kind.EXTRACT;
        }
        if (prompt.startsWith("You check whether")) {
            return Kind.VERIFY;
        }
        if (prompt.startsWith("You answer the user's prompt")) {
            return Kind.PROMPT;
        }
        return Kind.DECIDE;
    }

    /** Every text part of every message, joined: what the model was told. */
    private static String promptText(JsonNode request) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode message : request.path("messages")) {
            JsonNode content = message.get("content");
            if (content == null) {
                continue;
            }
            if (content.isTextual()) {
                sb.append(content.asText()).append('\n');
            } else {
                content.forEach(part -> sb.append(part.path("text").asText("")).append('\n'));
            }
        }
        return sb.toString();
    }

    private static JsonNode readJson(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("scripted extraction is not JSON: " + json, e);
        }
    }

    private static String completion(String model, String content) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("id", "chatcmpl-scripted");
        root.put("object", "chat.completion");
        root.put("created", 1_760_000_000L);
        root.put("model", model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        root.putObject("usage").put("prompt_tokens", INPUT_TOKENS).put("completion_tokens", OUTPUT_TOKENS)
                .put("total_tokens", INPUT_TOKENS + OUTPUT_TOKENS);
        return root.toString();
    }

    private static String error(String message) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.putObject("error").put("message", "scripted provider: " + message).put("type", "server_error");
        return root.toString();
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    @Override
    public String toString() {
        return "ScriptedLlmProvider" + Arrays.asList(baseUrl(), turns.size() + " turns left");
    }
}
