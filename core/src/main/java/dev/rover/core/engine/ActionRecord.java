package dev.rover.core.engine;

import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;

/** One action performed in an earlier step and how it went: the history an engine gets. */
public record ActionRecord(int step, BrowserAction action, String reasoning, ActionResult result) {
}
