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

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ui_tars}: UI-TARS served by an OpenAI-compatible chat endpoint (vLLM, llama.cpp, ...). It gets the
 * UI-TARS computer prompt with the goal, then screenshots as user turns and its own answers as assistant
 * turns; each answer's {@code Action:} line is read by {@link UiTarsGrammar}. {@code finished(...)} ends the
 * goal, {@code call_user()} gives it up.
 */
final class UiTarsComputerUse extends ComputerUseEngine {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    static final String PROMPT = """
            You are a GUI agent. You are given a task and your action history, with screenshots. You need to perform the next action to complete the task.

            ## Output Format
            ```
            Thought: ...
            Action: ...
            ```

            ## Action Space

            click(start_box='<|box_start|>(x1,y1)<|box_end|>')
            left_double(start_box='<|box_start|>(x1,y1)<|box_end|>')
            right_single(start_box='<|box_start|>(x1,y1)<|box_end|>')
            drag(start_box='<|box_start|>(x1,y1)<|box_end|>', end_box='<|box_start|>(x3,y3)<|box_end|>')
            hotkey(key='')
            type(content='') #If you want to submit your input, use "\\n" at the end of `content`.
            scroll(start_box='<|box_start|>(x1,y1)<|box_end|>', direction='down or up or right or left')
            wait() #Sleep for 5s and take a screenshot to check for any changes.
            finished(content='xxx') # Use escape characters \\', \\", and \\n in content part to ensure we can parse the content in normal python string format.
            call_user() # Submit the task and call the user when the task is unsolvable, or when you need the user's help.

            ## Note
            - Use English in `Thought` part.
            - Write a small plan and finally summarize your next action (with its target element) in one sentence in `Thought` part.

            ## User Instruction
            """;

    private ArrayNode messages = JSON.arrayNode();
    private BrowserAction pending;

    UiTarsComputerUse(CuaSettings settings, Shared shared, RunScope scope) {
        super(settings, shared, scope);
    }

    @Override
    Decision turn(DecideRequest r, byte[] png, Screen screen, boolean fresh) {
        int before = messages.size();
        if (fresh || pending == null) {
            messages = JSON.arrayNode();
            before = 0;
            messages.addObject().put("role", "user").put("content", PROMPT + goalText(r,
                    "When the goal is reached, use finished(content='...') with a short summary; when it cannot be, use call_user()."));
        }
        ObjectNode user = messages.addObject().put("role", "user");
        ArrayNode content = user.putArray("content");
        String outcome = pending == null ? "ok" : Transcripts.outcome(pending, r.history());
        if (!"ok".equals(outcome)) {
            content.addObject().put("type", "text").put("text", outcome == null ? "The previous action was not performed."
                    : "The previous action failed: " + outcome);
        }
        content.addObject().put("type", "image_url").putObject("image_url").put("url", "data:image/png;base64," + Transcripts.base64(png));
        try {
            return answer(r, screen);
        } catch (RuntimeException e) {
            while (messages.size() > before) {
                messages.remove(messages.size() - 1);
            }
            throw e;
        }
    }

    private Decision answer(DecideRequest r, Screen screen) {
        Reply first = exchange("decide");
        Usage usage = first.usage();
        Object read = read(first.text(), screen);
        if (read instanceof String problem) {
            messages.addObject().put("role", "user").put("content", "Your answer could not be used: " + problem
                    + ". Answer again as\nThought: ...\nAction: ... with one action from the action space.");
            Reply second = exchange("decide_correction");
            usage = usage.plus(second.usage());
            read = read(second.text(), screen);
            if (read instanceof String again) {
                pending = null;
                throw new EngineException("the " + name() + " model " + settings.model() + " gave an unreadable action twice: " + again);
            }
        }
        UiTarsGrammar.Parsed parsed = ((Read) read).parsed();
        BrowserAction action = ((Read) read).action();
        switch (parsed.action()) {
            case "finished" -> {
                pending = null;
                String summary = parsed.args().getOrDefault("content", "");
                return finish(summary.isBlank() ? parsed.thought() : summary, r, usage);
            }
            case "call_user" -> {
                pending = null;
                return Decision.terminate("the model needs a person's help: " + parsed.thought(), List.of(), usage);
            }
            default -> {
                pending = action;
                return Decision.act(List.of(new PlannedAction(action, parsed.thought())), parsed.thought(), usage);
            }
        }
    }

    private record Read(UiTarsGrammar.Parsed parsed, BrowserAction action) {
    }

    /** The parsed answer and its action, or a String saying what is wrong with it. */
    private Object read(String text, Screen screen) {
        try {
            UiTarsGrammar.Parsed parsed = UiTarsGrammar.parse(text);
            return new Read(parsed, action(parsed, screen));
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private BrowserAction action(UiTarsGrammar.Parsed p, Screen screen) {
        Map<String, String> a = p.args();
        CuaSettings.UiTarsCoordinates convention = settings.uiTarsCoordinates();
        return switch (p.action()) {
            case "click", "left_single" -> new BrowserAction.ClickAt(UiTarsGrammar.point(box(a), screen, convention), "left", 1, screen);
            case "left_double" -> new BrowserAction.ClickAt(UiTarsGrammar.point(box(a), screen, convention), "left", 2, screen);
            case "right_single" -> new BrowserAction.ClickAt(UiTarsGrammar.point(box(a), screen, convention), "right", 1, screen);
            case "hover", "mouse_move" -> new BrowserAction.MoveTo(UiTarsGrammar.point(box(a), screen, convention), screen);
            case "drag", "select" -> new BrowserAction.DragPath(List.of(UiTarsGrammar.point(box(a), screen, convention),
                    UiTarsGrammar.point(a.getOrDefault("end_box", a.get("end_point")), screen, convention)), screen);
            case "hotkey", "press" -> {
                String keys = a.getOrDefault("key", a.getOrDefault("hotkey", ""));
                if (keys.isBlank()) {
                    throw new IllegalArgumentException(p.action() + " needs key='...'");
                }
                yield new BrowserAction.Keypress(null, List.of(KeyNames.of(Arrays.asList(keys.trim().split("\\s+")))));
            }
            case "type" -> new BrowserAction.TypeText(a.getOrDefault("content", ""));
            case "scroll" -> {
                ScreenPoint at = box(a) == null ? new ScreenPoint(screen.width() / 2, screen.height() / 2)
                        : UiTarsGrammar.point(box(a), screen, convention);
                int amount = screen.height() / 2;
                yield switch (a.getOrDefault("direction", "").trim().toLowerCase(Locale.ROOT)) {
                    case "down" -> new BrowserAction.ScrollAt(at, 0, amount, screen);
                    case "up" -> new BrowserAction.ScrollAt(at, 0, -amount, screen);
                    case "right" -> new BrowserAction.ScrollAt(at, amount, 0, screen);
                    case "left" -> new BrowserAction.ScrollAt(at, -amount, 0, screen);
                    default -> throw new IllegalArgumentException("scroll needs direction='up', 'down', 'left' or 'right'");
                };
            }
            case "wait" -> new BrowserAction.Wait(5);
            case "finished", "call_user" -> new BrowserAction.Screenshot();
            default -> throw new IllegalArgumentException("'" + p.action() + "' is not in the action space");
        };
    }

    private static String box(Map<String, String> a) {
        return a.getOrDefault("start_box", a.get("point"));
    }

    private record Reply(String text, Usage usage) {
    }

    private Reply exchange(String kind) {
        pruneScreenshots();
        ObjectNode body = JSON.objectNode().put("model", settings.model()).put("max_tokens", settings.maxOutputTokens())
                .put("temperature", 0);
        body.set("messages", messages.deepCopy());
        Metered m = call(kind, settings.baseUrl() + "/chat/completions", headers(), body, UiTarsComputerUse::tokens);
        JsonNode message = m.answer().path("choices").path(0).path("message");
        if (!message.path("content").isTextual()) {
            throw new EngineException("the " + name() + " answer has no choices[0].message.content");
        }
        String text = message.path("content").asText();
        messages.addObject().put("role", "assistant").put("content", text);
        return new Reply(text, m.usage());
    }

    private static long[] tokens(JsonNode answer) {
        return new long[]{answer.path("usage").path("prompt_tokens").asLong(), answer.path("usage").path("completion_tokens").asLong()};
    }

    /** Keeps the latest screenshots; older image parts become a note. */
    private void pruneScreenshots() {
        int kept = 0;
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode content = messages.get(i).path("content");
            if (content.isArray()) {
                for (int j = content.size() - 1; j >= 0; j--) {
                    if ("image_url".equals(content.get(j).path("type").asText()) && ++kept > settings.screenshotsKept()) {
                        ((ArrayNode) content).set(j, JSON.objectNode().put("type", "text").put("text", "(earlier screenshot omitted)"));
                    }
                }
            }
        }
    }

    @Override
    Answer ask(String kind, String question, byte[] png) {
        ObjectNode body = JSON.objectNode().put("model", settings.model()).put("max_tokens", settings.maxOutputTokens())
                .put("temperature", 0);
        ArrayNode content = body.putArray("messages").addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "text").put("text", question);
        if (png != null) {
            content.addObject().put("type", "image_url").putObject("image_url").put("url", "data:image/png;base64," + Transcripts.base64(png));
        }
        Metered m = call(kind, settings.baseUrl() + "/chat/completions", headers(), body, UiTarsComputerUse::tokens);
        return new Answer(m.answer().path("choices").path(0).path("message").path("content").asText(""), m.usage());
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new HashMap<>();
        if (settings.apiKey() != null) {
            headers.put("Authorization", "Bearer " + settings.apiKey());
        }
        return headers;
    }
}
