package dev.rover.core.engine;

import dev.rover.core.page.PageSnapshot;

import java.util.List;

/**
 * Whether a goal is reached.
 *
 * @param goal              the navigation goal
 * @param completeCriterion the explicit criterion, preferred over the goal when present
 * @param page              the page now
 * @param history           action history, when {@code include_action_history_in_verification} is on
 * @param screenshots       PNG screenshots, for models with vision
 */
public record VerifyRequest(String goal, String completeCriterion, PageSnapshot page, List<ActionRecord> history,
                            List<byte[]> screenshots) {
    public VerifyRequest {
        history = history == null ? List.of() : List.copyOf(history);
        screenshots = screenshots == null ? List.of() : List.copyOf(screenshots);
    }
}
