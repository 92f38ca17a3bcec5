package dev.rover.blocks.agent;

import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.PageSnapshot;

import java.util.HashMap;
import java.util.Map;

/**
 * Stops an agent from burning steps: the same action on an unchanged page in a third step is
 * refused as "no progress". A page counts as unchanged when its URL and rendered elements are.
 * Repeats within one step (clicking "+" three times) are intended and count once.
 */
final class LoopGuard {

    static final int LIMIT = 3;

    private final Map<String, Integer> seen = new HashMap<>();
    private final java.util.Set<String> thisStep = new java.util.HashSet<>();
    private String page = "";

    /** Marks the start of a step on this page (fingerprinted once: a large page has thousands of elements). */
    void startStep(PageSnapshot observed) {
        thisStep.clear();
        page = fingerprint(observed);
    }

    /** Counts this action on the step's page once per step; true when a third step repeats it. */
    boolean isRepeat(BrowserAction action) {
        String key = page + "\u0000" + action;
        int times = thisStep.add(key) ? seen.merge(key, 1, Integer::sum) : seen.getOrDefault(key, 1);
        return times >= LIMIT;
    }

    private static String fingerprint(PageSnapshot page) {
        int elements = page.elements().hashCode();
        return page.url() + "#" + Integer.toHexString(elements) + "#" + Integer.toHexString(page.content().visibleText().hashCode());
    }
}
