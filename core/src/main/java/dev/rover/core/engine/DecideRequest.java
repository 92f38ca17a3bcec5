package dev.rover.core.engine;

import dev.rover.core.page.PageSnapshot;

import java.util.List;
import java.util.Map;

/**
 * Everything an engine gets to choose the next actions.
 *
 * @param goal                the navigation goal (placeholders, never secrets)
 * @param completeCriterion   when the goal counts as reached, or null
 * @param terminateCriterion  when to give up, or null
 * @param errorCodeMapping    {@code CODE -> when this happens}
 * @param userDetails         values the engine may type (parameters; secrets as placeholders)
 * @param page                the current page
 * @param screenshots         PNG screenshots of the page, sent only to models with vision
 * @param history             actions of earlier steps, oldest first
 * @param singleAction        true for an {@code action} block: exactly one action is wanted
 * @param systemPrompt        extra instructions ({@code workflow_system_prompt}), or null
 */
public record DecideRequest(
        String goal,
        String completeCriterion,
        String terminateCriterion,
        Map<String, String> errorCodeMapping,
        Map<String, Object> userDetails,
        PageSnapshot page,
        List<byte[]> screenshots,
        List<ActionRecord> history,
        boolean singleAction,
        String systemPrompt) {

    public DecideRequest {
        errorCodeMapping = errorCodeMapping == null ? Map.of() : Map.copyOf(errorCodeMapping);
        userDetails = userDetails == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(userDetails));
        screenshots = screenshots == null ? List.of() : List.copyOf(screenshots);
        history = history == null ? List.of() : List.copyOf(history);
    }
}
