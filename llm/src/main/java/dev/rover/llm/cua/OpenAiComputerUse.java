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
import java.util.Map;

/**
 * {@code openai_cua}: OpenAI's computer-use model over the Responses API. The first turn sends the goal and
 * a screenshot with the {@code computer_use_preview} tool (display size, browser environment); later turns
 * chain on {@code previous_response_id} and answer the {@code computer_call} with a
 * {@code computer_call_output} holding the new screenshot. Pending safety checks are acknowledged only when
 * the settings allow it; otherwise the goal ends terminated with the check's message.
 */
final class OpenAiComputerUse extends ComputerUseEngine {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The computer call of the last answer, the action it became and the safety checks to acknowledge. */
    private record Pending(String callId, BrowserAction action, JsonNode safetyChecks) {
    }

    private String previousResponseId;
    private Pending pending;

    OpenAiComputerUse(CuaSettings settings, Shared shared, RunScope scope) {
        super(settings, shared, scope);
    }

    @Override
    Decision turn(DecideRequest r, byte[] png, Screen screen, boolean fresh) {
        ArrayNode input = JSON.arrayNode();
        if (fresh || pending == null || previousResponseId == null) {
            previousResponseId = null;
            ObjectNode user = input.addObject().put("role", "user");
            ArrayNode content = user.putArray("content");
            content.addObject().put("type", "input_text").put("text", goalText(r, DONE_INSTRUCTIONS));
            content.addObject().put("type", "input_image").put("image_url", dataUrl(png));
        } else {
            String outcome = Transcripts.outcome(pending.action(), r.history());
            input.add(callOutput(pending, png, r.page().url()));
            if (!"ok".equals(outcome)) {
                input.addObject().put("role", "user").putArray("content").addObject().put("type", "input_text")
                        .put("text", outcome == null ? "That action was not performed." : "That action failed: " + outcome);
            }
        }
        Step first = exchange("decide", input, screen);
        Step step = first;
        if (first.problem() != null) {
            ArrayNode again = JSON.arrayNode();
            again.add(callOutput(new Pending(first.callId(), null, JSON.arrayNode()), png, r.page().url()));
            again.addObject().put("role", "user").putArray("content").addObject().put("type", "input_text")
                    .put("text", "That action was invalid and not performed: " + first.problem() + ". Send a valid action.");
            Step second = exchange("decide_correction", again, screen);
            if (second.problem() != null) {
                pending = null;
                throw new EngineException("the " + name() + " model " + settings.model() + " asked for an invalid action twice: "
                        + second.problem());
            }
            step = new Step(second.callId(), second.action(), second.safetyChecks(), second.text(), null,
                    first.usage().plus(second.usage()));
        }
        if (step.callId() == null) {
            pending = null;
            return finish(step.text(), r, step.usage());
        }
        if (step.safetyChecks().size() > 0 && !settings.acknowledgeSafetyChecks()) {
            pending = null;
            List<String> messages = new ArrayList<>();
            step.safetyChecks().forEach(c -> messages.add(c.path("message").asText(c.path("code").asText("safety check"))));
            return Decision.terminate("OpenAI safety check not acknowledged (set ROVER_OPENAI_CUA_ACKNOWLEDGE_SAFETY_CHECKS "
                    + "to allow it): " + String.join("; ", messages), List.of(), step.usage());
        }
        pending = new Pending(step.callId(), step.action(), step.safetyChecks());
        return Decision.act(List.of(new PlannedAction(step.action(), step.text())), step.text(), step.usage());
    }

    private ObjectNode callOutput(Pending p, byte[] png, String url) {
        ObjectNode output = JSON.objectNode().put("type", "computer_call_output").put("call_id", p.callId());
        output.set("acknowledged_safety_checks", p.safetyChecks() == null ? JSON.arrayNode() : p.safetyChecks().deepCopy());
        output.putObject("output").put("type", "computer_screenshot").put("image_url", dataUrl(png));
        if (url != null && url.startsWith("http")) {
            output.put("current_url", url);
        }
        return output;
    }

    /** One answer: its computer call (or none), the text said, a problem with the action, and usage. */
    private record Step(String callId, BrowserAction action, JsonNode safetyChecks, String text, String problem, Usage usage) {
    }

    private Step exchange(String kind, ArrayNode input, Screen screen) {
        ObjectNode body = JSON.objectNode().put("model", settings.model()).put("truncation", "auto");
        body.putArray("tools").addObject().put("type", "computer_use_preview").put("display_width", screen.width())
                .put("display_height", screen.height()).put("environment", "browser");
        if (previousResponseId != null) {
            body.put("previous_response_id", previousResponseId);
        }
        body.set("input", input);
        body.put("max_output_tokens", settings.maxOutputTokens());
        Metered m = call(kind, settings.baseUrl() + "/responses", headers(), body, OpenAiComputerUse::tokens);
        JsonNode answer = m.answer();
        if (!answer.path("id").isTextual() || !answer.path("output").isArray()) {
            throw new EngineException("the " + name() + " answer has no id or output (status " + answer.path("status").asText("none") + ")");
        }
        previousResponseId = answer.path("id").asText();
        StringBuilder said = new StringBuilder();
        JsonNode call = null;
        for (JsonNode item : answer.path("output")) {
            switch (item.path("type").asText()) {
                case "message" -> item.path("content").forEach(c -> {
                    if ("output_text".equals(c.path("type").asText())) {
                        said.append(said.isEmpty() ? "" : "\n").append(c.path("text").asText());
                    }
                });
                case "reasoning" -> item.path("summary").forEach(s -> said.append(said.isEmpty() ? "" : "\n").append(s.path("text").asText()));
                case "computer_call" -> call = call == null ? item : call;
                default -> { }
            }
        }
        if (call == null) {
            return new Step(null, null, JSON.arrayNode(), said.toString(), null, m.usage());
        }
        String callId = call.path("call_id").asText(null);
        if (callId == null) {
            throw new EngineException("the " + name() + " computer_call has no call_id");
        }
        JsonNode checks = call.path("pending_safety_checks").isArray() ? call.path("pending_safety_checks") : JSON.arrayNode();
        try {
            return new Step(callId, action(call.path("action"), screen), checks, said.toString(), null, m.usage());
        } catch (IllegalArgumentException e) {
            return new Step(callId, null, checks, said.toString(), e.getMessage(), m.usage());
        }
    }

    private static long[] tokens(JsonNode answer) {
        return new long[]{answer.path("usage").path("input_tokens").asLong(), answer.path("usage").path("output_tokens").asLong()};
    }

    private static BrowserAction action(JsonNode a, Screen screen) {
        String type = a.path("type").asText("");
        return switch (type) {
            case "click" -> new BrowserAction.ClickAt(point(a, screen), button(a.path("button").asText("left")), 1, screen);
            case "double_click" -> new BrowserAction.ClickAt(point(a, screen), "left", 2, screen);
            case "move" -> new BrowserAction.MoveTo(point(a, screen), screen);
            case "scroll" -> new BrowserAction.ScrollAt(point(a, screen), a.path("scroll_x").asInt(0), a.path("scroll_y").asInt(0), screen);
            case "drag" -> {
                List<ScreenPoint> path = new ArrayList<>();
                a.path("path").forEach(p -> path.add(point(p, screen)));
                if (path.size() < 2) {
                    throw new IllegalArgumentException("drag needs a path of at least two points");
                }
                yield new BrowserAction.DragPath(path, screen);
            }
            case "type" -> {
                if (!a.path("text").isTextual()) {
                    throw new IllegalArgumentException("type needs \"text\"");
                }
                yield new BrowserAction.TypeText(a.path("text").asText());
            }
            case "keypress" -> {
                List<String> keys = new ArrayList<>();
                a.path("keys").forEach(k -> keys.add(k.asText()));
                if (keys.isEmpty()) {
                    throw new IllegalArgumentException("keypress needs \"keys\"");
                }
                yield new BrowserAction.Keypress(null, List.of(KeyNames.of(keys)));
            }
            case "wait" -> new BrowserAction.Wait(a.has("ms") ? a.path("ms").asDouble() / 1000 : 2);
            case "screenshot" -> new BrowserAction.Screenshot();
            default -> throw new IllegalArgumentException("unknown computer action type '" + type + "'");
        };
    }

    private static String button(String button) {
        return switch (button) {
            case "left", "right" -> button;
            case "wheel", "middle" -> "middle";
            default -> throw new IllegalArgumentException("mouse button '" + button + "' is not supported (left, right, wheel)");
        };
    }

    private static ScreenPoint point(JsonNode a, Screen screen) {
        if (!a.path("x").isNumber() || !a.path("y").isNumber()) {
            throw new IllegalArgumentException("the action needs numeric x and y");
        }
        ScreenPoint p = new ScreenPoint(a.path("x").asInt(), a.path("y").asInt());
        if (!screen.contains(p)) {
            throw new IllegalArgumentException("point " + p + " is outside the " + screen + " screen");
        }
        return p;
    }

    @Override
    Answer ask(String kind, String question, byte[] png) {
        ObjectNode body = JSON.objectNode().put("model", settings.model()).put("max_output_tokens", settings.maxOutputTokens());
        ArrayNode content = body.putArray("input").addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "input_text").put("text", question);
        if (png != null) {
            content.addObject().put("type", "input_image").put("image_url", dataUrl(png));
        }
        Metered m = call(kind, settings.baseUrl() + "/responses", headers(), body, OpenAiComputerUse::tokens);
        StringBuilder said = new StringBuilder();
        m.answer().path("output").forEach(item -> item.path("content").forEach(c -> {
            if ("output_text".equals(c.path("type").asText())) {
                said.append(c.path("text").asText());
            }
        }));
        return new Answer(said.toString(), m.usage());
    }

    private Map<String, String> headers() {
        return Map.of("Authorization", "Bearer " + settings.apiKey());
    }

    private static String dataUrl(byte[] png) {
        return "data:image/png;base64," + Transcripts.base64(png);
    }
}
