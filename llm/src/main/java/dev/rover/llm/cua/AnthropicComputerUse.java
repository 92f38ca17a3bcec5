package dev.rover.llm.cua;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rover.core.engine.DecideRequest;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.EngineException;
import dev.rover.core.engine.PlannedAction;
import dev.rover.core.engine.RunScope;
import dev.rover.core.engine.Usage;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Screen;
import dev.rover.core.page.ScreenPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code anthropic_cua}: Claude with Anthropic's computer-use tool over the Messages API. The tool is
 * declared with the screenshot's size; each {@code tool_use} becomes a browser action, and the next turn
 * answers every one with a {@code tool_result} holding its outcome and the new screenshot. An answer without
 * a tool call ends the goal. Only the latest screenshots stay in the conversation, older ones become a note.
 */
final class AnthropicComputerUse extends ComputerUseEngine {

    static final String API_VERSION = "2023-06-01";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A tool call of the last answer: the action it became, or why it could not become one. */
    private record Pending(String id, BrowserAction action, String problem) {
    }

    private ArrayNode messages = JSON.arrayNode();
    private List<Pending> pending = List.of();
    private ScreenPoint cursor;

    AnthropicComputerUse(CuaSettings settings, Shared shared, RunScope scope) {
        super(settings, shared, scope);
    }

    @Override
    Decision turn(DecideRequest r, byte[] png, Screen screen, boolean fresh) {
        int before = fresh || pending.isEmpty() ? 0 : messages.size();
        try {
            return converse(r, png, screen, fresh);
        } catch (RuntimeException e) {
            // a failed call leaves the conversation as it was, so the next step answers the same tool calls
            while (messages.size() > before) {
                messages.remove(messages.size() - 1);
            }
            throw e;
        }
    }

    private Decision converse(DecideRequest r, byte[] png, Screen screen, boolean fresh) {
        ArrayNode content = JSON.arrayNode();
        if (fresh || pending.isEmpty()) {
            messages = JSON.arrayNode();
            content.add(text(goalText(r, DONE_INSTRUCTIONS)));
            content.add(image(png));
        } else {
            for (Pending p : pending) {
                String outcome = p.problem() != null ? p.problem() : Transcripts.outcome(p.action(), r.history());
                boolean ok = "ok".equals(outcome);
                ObjectNode result = content.addObject().put("type", "tool_result").put("tool_use_id", p.id());
                ArrayNode parts = result.putArray("content");
                String note = outcome == null ? "not performed: an earlier action of this turn failed"
                        : ok && p.action() instanceof BrowserAction.Screenshot && cursor != null ? "X=" + cursor.x() + ",Y=" + cursor.y()
                        : ok ? null : "failed: " + outcome;
                if (note != null) {
                    parts.add(text(note));
                }
                parts.add(image(png));
                if (!ok) {
                    result.put("is_error", true);
                }
            }
        }
        messages.addObject().put("role", "user").set("content", content);
        Exchange first = exchange("decide", screen);
        if (first.toolCalls().isEmpty()) {
            pending = List.of();
            return finish(first.text(), r, first.usage());
        }
        Exchange answer = first;
        if (first.toolCalls().stream().anyMatch(p -> p.problem() != null)) {
            ArrayNode corrections = JSON.arrayNode();
            for (Pending p : first.toolCalls()) {
                ObjectNode result = corrections.addObject().put("type", "tool_result").put("tool_use_id", p.id()).put("is_error", true);
                result.putArray("content").add(text(p.problem() != null ? "invalid: " + p.problem()
                        : "not performed because another action of this answer was invalid; send it again if still needed"));
            }
            messages.addObject().put("role", "user").set("content", corrections);
            Exchange second = exchange("decide_correction", screen);
            Usage both = first.usage().plus(second.usage());
            List<String> problems = second.toolCalls().stream().map(Pending::problem).filter(p -> p != null).toList();
            if (!problems.isEmpty()) {
                pending = List.of();
                throw new EngineException("the " + name() + " model " + settings.model() + " asked for an invalid action twice: "
                        + String.join("; ", problems));
            }
            if (second.toolCalls().isEmpty()) {
                pending = List.of();
                return finish(second.text(), r, both);
            }
            answer = new Exchange(second.text(), second.toolCalls(), both);
        }
        pending = answer.toolCalls();
        List<PlannedAction> actions = new ArrayList<>();
        for (Pending p : pending) {
            actions.add(new PlannedAction(p.action(), answer.text()));
            if (p.action() instanceof BrowserAction.PointerAction pa) {
                cursor = pa instanceof BrowserAction.DragPath d ? d.path().get(d.path().size() - 1) : pa.point();
            }
        }
        return Decision.act(actions, answer.text(), answer.usage());
    }

    private record Exchange(String text, List<Pending> toolCalls, Usage usage) {
    }

    private Exchange exchange(String kind, Screen screen) {
        pruneScreenshots();
        ObjectNode body = JSON.objectNode().put("model", settings.model()).put("max_tokens", settings.maxOutputTokens());
        body.put("system", "You operate a web browser through screenshots of its viewport (" + screen
                + " pixels) and the computer tool. Work only inside the page; the browser has no address bar.");
        body.putArray("tools").addObject().put("type", settings.anthropicTool()).put("name", "computer")
                .put("display_width_px", screen.width()).put("display_height_px", screen.height());
        body.set("messages", messages.deepCopy());
        Metered m = call(kind, settings.baseUrl() + "/v1/messages", headers(), body,
                a -> new long[]{a.path("usage").path("input_tokens").asLong(), a.path("usage").path("output_tokens").asLong()});
        JsonNode content = m.answer().path("content");
        if (!content.isArray()) {
            throw new EngineException("the " + name() + " answer has no content array (stop_reason "
                    + m.answer().path("stop_reason").asText("none") + ")");
        }
        messages.addObject().put("role", "assistant").set("content", content.deepCopy());
        StringBuilder said = new StringBuilder();
        List<Pending> calls = new ArrayList<>();
        for (JsonNode block : content) {
            switch (block.path("type").asText()) {
                case "text" -> said.append(said.isEmpty() ? "" : "\n").append(block.path("text").asText());
                case "tool_use" -> calls.add(toolCall(block, screen));
                default -> { }
            }
        }
        return new Exchange(said.toString(), calls, m.usage());
    }

    private Pending toolCall(JsonNode block, Screen screen) {
        String id = block.path("id").asText();
        if (!"computer".equals(block.path("name").asText())) {
            return new Pending(id, null, "unknown tool '" + block.path("name").asText() + "'; only the computer tool exists");
        }
        try {
            return new Pending(id, action(block.path("input"), screen), null);
        } catch (IllegalArgumentException e) {
            return new Pending(id, null, e.getMessage());
        }
    }

    private BrowserAction action(JsonNode input, Screen screen) {
        String action = input.path("action").asText("");
        return switch (action) {
            case "key" -> new BrowserAction.Keypress(null, List.of(KeyNames.combo(required(input, "text"))));
            case "type" -> new BrowserAction.TypeText(required(input, "text"));
            case "mouse_move" -> new BrowserAction.MoveTo(point(input, "coordinate", screen), screen);
            case "left_click", "right_click", "middle_click", "double_click", "triple_click" -> new BrowserAction.ClickAt(
                    input.has("coordinate") ? point(input, "coordinate", screen) : requireCursor(),
                    action.startsWith("right") ? "right" : action.startsWith("middle") ? "middle" : "left",
                    action.startsWith("double") ? 2 : action.startsWith("triple") ? 3 : 1, screen);
            case "left_click_drag" -> new BrowserAction.DragPath(List.of(
                    input.has("start_coordinate") ? point(input, "start_coordinate", screen) : requireCursor(),
                    point(input, "coordinate", screen)), screen);
            case "scroll" -> scroll(input, screen);
            case "wait" -> new BrowserAction.Wait(input.path("duration").asDouble(1));
            case "screenshot", "cursor_position" -> new BrowserAction.Screenshot();
            case "" -> throw new IllegalArgumentException("the computer tool call has no action");
            default -> throw new IllegalArgumentException("action '" + action + "' is not supported here; use left_click, "
                    + "double_click, triple_click, right_click, mouse_move, left_click_drag, scroll, type, key, wait or screenshot");
        };
    }

    private BrowserAction scroll(JsonNode input, Screen screen) {
        ScreenPoint at = input.has("coordinate") ? point(input, "coordinate", screen) : new ScreenPoint(screen.width() / 2, screen.height() / 2);
        int amount = Math.max(1, input.path("scroll_amount").asInt(3)) * 100;
        return switch (required(input, "scroll_direction").toLowerCase(Locale.ROOT)) {
            case "down" -> new BrowserAction.ScrollAt(at, 0, amount, screen);
            case "up" -> new BrowserAction.ScrollAt(at, 0, -amount, screen);
            case "right" -> new BrowserAction.ScrollAt(at, amount, 0, screen);
            case "left" -> new BrowserAction.ScrollAt(at, -amount, 0, screen);
            default -> throw new IllegalArgumentException("scroll_direction must be up, down, left or right");
        };
    }

    private ScreenPoint requireCursor() {
        if (cursor == null) {
            throw new IllegalArgumentException("no coordinate given and the mouse has not been moved yet");
        }
        return cursor;
    }

    private static String required(JsonNode input, String field) {
        JsonNode v = input.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new IllegalArgumentException("action " + input.path("action").asText() + " needs \"" + field + "\"");
        }
        return v.asText();
    }

    private static ScreenPoint point(JsonNode input, String field, Screen screen) {
        JsonNode c = input.get(field);
        if (c == null || !c.isArray() || c.size() != 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
            throw new IllegalArgumentException("action " + input.path("action").asText() + " needs \"" + field + "\" as [x, y]");
        }
        ScreenPoint p = new ScreenPoint(c.get(0).asInt(), c.get(1).asInt());
        if (!screen.contains(p)) {
            throw new IllegalArgumentException(field + " " + p + " is outside the " + screen + " screen");
        }
        return p;
    }

    /**
     * Keeps the screenshots of the latest turns only (a turn's results all show the same screen); older ones
     * become a short note so the conversation stays affordable.
     */
    private void pruneScreenshots() {
        int turns = 0;
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode content = messages.get(i).path("content");
            if (content.isArray() && holdsImage(content) && ++turns > settings.screenshotsKept()) {
                dropImages((ArrayNode) content);
            }
        }
    }

    private static boolean holdsImage(JsonNode content) {
        for (JsonNode block : content) {
            if ("image".equals(block.path("type").asText()) || (block.path("content").isArray() && holdsImage(block.path("content")))) {
                return true;
            }
        }
        return false;
    }

    private static void dropImages(ArrayNode content) {
        for (int j = 0; j < content.size(); j++) {
            JsonNode block = content.get(j);
            if ("image".equals(block.path("type").asText())) {
                content.set(j, text("(earlier screenshot omitted)"));
            } else if (block.path("content").isArray()) {
                dropImages((ArrayNode) block.path("content"));
            }
        }
    }

    @Override
    Answer ask(String kind, String question, byte[] png) {
        ObjectNode body = JSON.objectNode().put("model", settings.model()).put("max_tokens", settings.maxOutputTokens());
        ArrayNode content = body.putArray("messages").addObject().put("role", "user").putArray("content");
        content.add(text(question));
        if (png != null) {
            content.add(image(png));
        }
        Metered m = call(kind, settings.baseUrl() + "/v1/messages", headers(), body,
                a -> new long[]{a.path("usage").path("input_tokens").asLong(), a.path("usage").path("output_tokens").asLong()});
        StringBuilder said = new StringBuilder();
        m.answer().path("content").forEach(b -> {
            if ("text".equals(b.path("type").asText())) {
                said.append(b.path("text").asText());
            }
        });
        return new Answer(said.toString(), m.usage());
    }

    private Map<String, String> headers() {
        return Map.of("x-api-key", settings.apiKey(), "anthropic-version", API_VERSION, "anthropic-beta", settings.anthropicBeta());
    }

    private static ObjectNode text(String text) {
        return JSON.objectNode().put("type", "text").put("text", text);
    }

    private static ObjectNode image(byte[] png) {
        ObjectNode image = JSON.objectNode().put("type", "image");
        image.putObject("source").put("type", "base64").put("media_type", "image/png").put("data", Transcripts.base64(png));
        return image;
    }
}
