package dev.rover.core.engine;

import java.util.List;

/**
 * The engine's answer to "what next?": actions to perform in order, the overall reasoning, where
 * the goal stands, the error codes that apply when terminating, and what the answer cost.
 */
public record Decision(List<PlannedAction> actions, String reasoning, GoalState state, List<String> errorCodes,
                       Usage usage) {

    public Decision {
        actions = actions == null ? List.of() : List.copyOf(actions);
        reasoning = reasoning == null ? "" : reasoning;
        state = state == null ? GoalState.CONTINUE : state;
        errorCodes = errorCodes == null ? List.of() : List.copyOf(errorCodes);
        usage = usage == null ? Usage.ZERO : usage;
    }

    public static Decision complete(String reasoning, Usage usage) {
        return new Decision(List.of(), reasoning, GoalState.COMPLETE, List.of(), usage);
    }

    public static Decision terminate(String reasoning, List<String> errorCodes, Usage usage) {
        return new Decision(List.of(), reasoning, GoalState.TERMINATE, errorCodes, usage);
    }

    public static Decision act(List<PlannedAction> actions, String reasoning, Usage usage) {
        return new Decision(actions, reasoning, GoalState.CONTINUE, List.of(), usage);
    }
}
