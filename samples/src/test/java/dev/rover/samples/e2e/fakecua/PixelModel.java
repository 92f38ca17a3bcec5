package dev.rover.samples.e2e.fakecua;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rover.core.json.Json;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A computer-use model that really looks: an in-process server speaking Anthropic's Messages computer tool,
 * OpenAI's Responses computer_call and UI-TARS's chat grammar, which decodes the screenshot it receives, finds
 * the pixels of a colour and acts there. What to do on each turn comes from a plan; every request body is kept
 * so a test can check what the model was sent.
 */
public final class PixelModel implements AutoCloseable {

    /** What the model does on one turn. */
    public sealed interface Move {
        /** Click the centre of the pixels of this RGB colour. */
        record ClickColour(int rgb) implements Move { }
        /** Type this text. */
        record Type(String text) implements Move { }
        /** Say the goal is reached. */
        record Done(String summary) implements Move { }
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern PASSWORD = Pattern.compile("\"password\"\\s*:\\s*\"(placeholder_[A-Za-z0-9_]+)\"");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private volatile BiFunction<Integer, String, Move> plan = (turn, goal) -> new Move.Done("nothing to do");
    private volatile String goal = "";
    private final java.util.concurrent.atomic.AtomicInteger extractionsWithScreenshot = new java.util.concurrent.atomic.AtomicInteger();

    public PixelModel() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The API root to configure: Anthropic's (no /v1), or with {@code /v1} for OpenAI and UI-TARS. */
    public String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Follows this plan from now on: the move for turn n (0-based) given the goal text the model was given. */
    public void plan(BiFunction<Integer, String, Move> next) {
        this.plan = next;
        bodies.clear();
    }

    /** Every request body received since the last plan. */
    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** The credential placeholder for a password in the goal text the model was given. */
    public static String passwordPlaceholder(String goal) {
        Matcher m = PASSWORD.matcher(goal);
        if (!m.find()) {
            throw new IllegalStateException("the goal names no password placeholder: " + goal);
        }
        return m.group(1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        bodies.add(body);
        JsonNode request = Json.mapper().readTree(body);
        String path = exchange.getRequestURI().getPath();
        ObjectNode reply;
        if (path.endsWith("/v1/messages")) {
            reply = anthropic(request);
        } else if (path.endsWith("/responses")) {
            reply = openAi(request);
        } else if (path.endsWith("/chat/completions")) {
            reply = uiTars(request);
        } else {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] out = Json.compact(reply).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("content-type", "application/json");
        exchange.sendResponseHeaders(200, out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    private static final Pattern PAGE_TITLE = Pattern.compile("Page: (.*?) \\(");

    /**
     * The answer to a plain question: an extraction gets the page's title (and is counted when it came with a
     * screenshot); a verification says not yet, so the run goes on until the model says it is done.
     */
    private String verdict(JsonNode request) {
        String question = lastValue(request, "text");
        if (question != null && question.startsWith("You extract data")) {
            if (Json.compact(request).contains("iVBOR")) {
                extractionsWithScreenshot.incrementAndGet();
            }
            Matcher title = PAGE_TITLE.matcher(question);
            return Json.compact(java.util.Map.of("reasoning", "the page title", "data",
                    java.util.Map.of("title", title.find() ? title.group(1) : "")));
        }
        return "{\"status\": \"not_achieved\", \"reason\": \"the model decides that itself\"}";
    }

    /** How many extraction questions came with a screenshot. */
    public int extractionsWithScreenshot() {
        return extractionsWithScreenshot.get();
    }

    private void remember(String text) {
        if (text != null && text.contains("Goal:")) {
            goal = text;
        }
    }

    private ObjectNode anthropic(JsonNode request) {
        JsonNode messages = request.path("messages");
        if (!request.has("tools")) {
            ObjectNode plain = JSON.objectNode().put("id", "msg_plain").put("type", "message").put("role", "assistant");
            plain.putArray("content").addObject().put("type", "text").put("text", verdict(request));
            plain.putObject("usage").put("input_tokens", 300).put("output_tokens", 20);
            return plain;
        }
        remember(messages.get(0).path("content").get(0).path("text").asText(null));
        int turn = 0;
        for (JsonNode m : messages) {
            turn += "assistant".equals(m.path("role").asText()) ? 1 : 0;
        }
        String image = lastValue(messages.get(messages.size() - 1), "data");
        ObjectNode reply = JSON.objectNode().put("id", "msg_" + turn).put("type", "message").put("role", "assistant");
        reply.putObject("usage").put("input_tokens", 1500).put("output_tokens", 40);
        ArrayNode content = reply.putArray("content");
        Move move = plan.apply(turn, goal);
        if (move instanceof Move.Done done) {
            content.addObject().put("type", "text").put("text", "DONE: " + done.summary());
            reply.put("stop_reason", "end_turn");
            return reply;
        }
        ObjectNode input = JSON.objectNode();
        if (move instanceof Move.ClickColour c) {
            int[] at = find(image, c.rgb());
            input.put("action", "left_click").putArray("coordinate").add(at[0]).add(at[1]);
        } else if (move instanceof Move.Type t) {
            input.put("action", "type").put("text", t.text());
        }
        content.addObject().put("type", "text").put("text", "Acting on turn " + turn);
        content.addObject().put("type", "tool_use").put("id", "toolu_" + turn).put("name", "computer").set("input", input);
        reply.put("stop_reason", "tool_use");
        return reply;
    }

    private ObjectNode openAi(JsonNode request) {
        String previous = request.path("previous_response_id").asText("");
        int turn = previous.isEmpty() ? 0 : Integer.parseInt(previous.substring("resp_".length())) + 1;
        if (!request.has("tools")) {
            ObjectNode plain = JSON.objectNode().put("id", "resp_plain").put("object", "response").put("status", "completed");
            plain.putArray("output").addObject().put("type", "message").put("role", "assistant").putArray("content").addObject()
                    .put("type", "output_text").put("text", verdict(request));
            plain.putObject("usage").put("input_tokens", 300).put("output_tokens", 20);
            return plain;
        }
        remember(lastValue(request.path("input"), "text"));
        String image = lastValue(request.path("input"), "image_url");
        ObjectNode reply = JSON.objectNode().put("id", "resp_" + turn).put("object", "response").put("status", "completed");
        reply.putObject("usage").put("input_tokens", 1200).put("output_tokens", 30);
        ArrayNode output = reply.putArray("output");
        Move move = plan.apply(turn, goal);
        if (move instanceof Move.Done done) {
            output.addObject().put("type", "message").put("role", "assistant").putArray("content").addObject()
                    .put("type", "output_text").put("text", "DONE: " + done.summary());
            return reply;
        }
        ObjectNode action = JSON.objectNode();
        if (move instanceof Move.ClickColour c) {
            int[] at = find(image, c.rgb());
            action.put("type", "click").put("button", "left").put("x", at[0]).put("y", at[1]);
        } else if (move instanceof Move.Type t) {
            action.put("type", "type").put("text", t.text());
        }
        ObjectNode call = output.addObject().put("type", "computer_call").put("id", "cu_" + turn).put("call_id", "call_" + turn)
                .put("status", "completed");
        call.set("action", action);
        call.putArray("pending_safety_checks");
        return reply;
    }

    private ObjectNode uiTars(JsonNode request) {
        JsonNode messages = request.path("messages");
        if (!messages.get(0).path("content").asText("").startsWith("You are a GUI agent")) {
            ObjectNode plain = JSON.objectNode().put("id", "chatcmpl-plain").put("object", "chat.completion");
            plain.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("message")
                    .put("role", "assistant").put("content", verdict(request));
            plain.putObject("usage").put("prompt_tokens", 300).put("completion_tokens", 20);
            return plain;
        }
        remember(messages.get(0).path("content").asText(null));
        int turn = 0;
        for (JsonNode m : messages) {
            turn += "assistant".equals(m.path("role").asText()) ? 1 : 0;
        }
        String image = lastValue(messages.get(messages.size() - 1), "url");
        Move move = plan.apply(turn, goal);
        String answer;
        if (move instanceof Move.Done done) {
            answer = "Thought: The goal is reached.\nAction: finished(content='" + done.summary().replace("'", "\\'") + "')";
        } else if (move instanceof Move.ClickColour c) {
            BufferedImage shot = decode(image);
            int[] at = find(shot, c.rgb());
            // UI-TARS-1.5 answers in pixels of the image as resized to multiples of 28
            int w = Math.round(shot.getWidth() / 28f) * 28;
            int h = Math.round(shot.getHeight() / 28f) * 28;
            answer = "Thought: I click the coloured control.\nAction: click(start_box='<|box_start|>(" + Math.round(at[0] * (float) w / shot.getWidth())
                    + "," + Math.round(at[1] * (float) h / shot.getHeight()) + ")<|box_end|>')";
        } else {
            answer = "Thought: I type.\nAction: type(content='" + ((Move.Type) move).text().replace("\n", "\\n") + "')";
        }
        ObjectNode reply = JSON.objectNode().put("id", "chatcmpl-" + turn).put("object", "chat.completion");
        reply.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("message")
                .put("role", "assistant").put("content", answer);
        reply.putObject("usage").put("prompt_tokens", 1400).put("completion_tokens", 25);
        return reply;
    }

    /** The last textual value of a field with this name anywhere in the tree. */
    private static String lastValue(JsonNode node, String field) {
        String found = null;
        if (node.isObject()) {
            var names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                JsonNode v = node.get(name);
                if (name.equals(field) && v.isTextual()) {
                    found = v.asText();
                } else {
                    String inner = lastValue(v, field);
                    found = inner != null ? inner : found;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode v : node) {
                String inner = lastValue(v, field);
                found = inner != null ? inner : found;
            }
        }
        return found;
    }

    private static int[] find(String image, int rgb) {
        return find(decode(image), rgb);
    }

    private static BufferedImage decode(String image) {
        if (image == null) {
            throw new IllegalStateException("the request carries no screenshot");
        }
        String base64 = image.startsWith("data:") ? image.substring(image.indexOf(',') + 1) : image;
        try {
            return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The centre of the pixels within a small distance of this colour. */
    static int[] find(BufferedImage shot, int rgb) {
        long sx = 0;
        long sy = 0;
        long n = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                int p = shot.getRGB(x, y);
                if (Math.abs(((p >> 16) & 255) - ((rgb >> 16) & 255)) < 12 && Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255)) < 12
                        && Math.abs((p & 255) - (rgb & 255)) < 12) {
                    sx += x;
                    sy += y;
                    n++;
                }
            }
        }
        if (n < 20) {
            throw new IllegalStateException("no pixels of colour " + Integer.toHexString(rgb) + " on the " + shot.getWidth() + "x"
                    + shot.getHeight() + " screenshot");
        }
        return new int[]{(int) (sx / n), (int) (sy / n)};
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
