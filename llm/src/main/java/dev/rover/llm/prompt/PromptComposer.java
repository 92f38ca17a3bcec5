package dev.rover.llm.prompt;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.rover.core.json.Json;
import dev.rover.core.page.Element;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.engine.DecideRequest;
import dev.rover.core.engine.ExtractRequest;
import dev.rover.core.engine.VerifyRequest;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns engine requests into chat messages by filling the prompt templates; attaches screenshots
 * as images only when told the model may see them.
 */
public final class PromptComposer {

    private final PromptTemplates templates;

    public PromptComposer(PromptTemplates templates) {
        this.templates = templates;
    }

    /** The messages asking for the next actions. */
    public List<ChatMessage> decide(DecideRequest r, boolean withImages) {
        Map<String, Object> system = new HashMap<>();
        system.put("single_action", r.singleAction());
        system.put("system_prompt", r.systemPrompt() == null ? "" : r.systemPrompt());
        Map<String, Object> user = pageValues(r.page());
        user.put("goal", r.goal() == null ? "" : r.goal());
        user.put("complete_criterion", nullToEmpty(r.completeCriterion()));
        user.put("terminate_criterion", nullToEmpty(r.terminateCriterion()));
        user.put("error_codes", r.errorCodeMapping().entrySet().stream()
                .map(e -> "- " + e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n")));
        user.put("user_details", r.userDetails().isEmpty() ? "" : Json.pretty(r.userDetails()));
        user.put("tabs", r.page().tabs().size() > 1 ? PageRendering.tabs(r.page().tabs()) : "");
        user.put("history", PageRendering.history(r.history()));
        user.put("screenshots", withImages ? r.screenshots().size() : 0);
        return List.of(
                SystemMessage.from(templates.render("decide-system", system)),
                userMessage(templates.render("decide-user", user), withImages ? r.screenshots() : List.of()));
    }

    /** The message asking for data from the page. */
    public List<ChatMessage> extract(ExtractRequest r, boolean withImages) {
        Map<String, Object> values = pageValues(r.page());
        values.put("goal", nullToEmpty(r.goal()));
        values.put("schema", r.schema() == null ? "" : Json.pretty(r.schema()));
        values.put("user_details", r.userDetails().isEmpty() ? "" : Json.pretty(r.userDetails()));
        values.put("content", PageRendering.content(r.page()));
        values.put("previous_error", nullToEmpty(r.previousError()));
        return List.of(userMessage(templates.render("extract", values), withImages ? r.screenshots() : List.of()));
    }

    /** The message asking whether the goal is reached. */
    public List<ChatMessage> verify(VerifyRequest r, boolean withImages) {
        Map<String, Object> values = pageValues(r.page());
        values.put("goal", nullToEmpty(r.goal()));
        values.put("complete_criterion", nullToEmpty(r.completeCriterion()));
        values.put("content", PageRendering.content(r.page()));
        values.put("history", PageRendering.history(r.history()));
        return List.of(userMessage(templates.render("verify", values), withImages ? r.screenshots() : List.of()));
    }

    /** The corrective re-ask: what was wrong with the previous answer, and the valid ids. */
    public UserMessage correction(List<String> problems, PageSnapshot page) {
        Map<String, Object> values = new HashMap<>();
        values.put("problems", problems);
        values.put("element_ids", page == null ? "" : page.elements().stream().map(Element::id).collect(Collectors.joining(", ")));
        return UserMessage.from(templates.render("correction", values));
    }

    private static Map<String, Object> pageValues(PageSnapshot page) {
        Map<String, Object> values = new HashMap<>();
        values.put("url", page.url());
        values.put("title", page.title());
        values.put("elements", PageRendering.elements(page));
        return values;
    }

    private static UserMessage userMessage(String text, List<byte[]> screenshots) {
        if (screenshots.isEmpty()) {
            return UserMessage.from(text);
        }
        List<Content> contents = new ArrayList<>();
        contents.add(TextContent.from(text));
        screenshots.forEach(png -> contents.add(ImageContent.from(Base64.getEncoder().encodeToString(png), "image/png")));
        return UserMessage.from(contents);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
