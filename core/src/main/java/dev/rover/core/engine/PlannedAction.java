package dev.rover.core.engine;

import dev.rover.core.page.BrowserAction;

/** An action the engine wants performed, with the engine's reason for it. */
public record PlannedAction(BrowserAction action, String reasoning) {
    public PlannedAction {
        reasoning = reasoning == null ? "" : reasoning;
    }
}
