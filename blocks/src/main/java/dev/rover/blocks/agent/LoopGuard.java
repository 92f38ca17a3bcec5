package dev.rover.blocks.agent;

import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.PageSnapshot;

import java.util.HashMap;
import java.util.Map;

/**
 * Stops an agent from burning steps: the same action on an unchanged page a third time is
 * refused as "no progress". A page counts as unchanged when its URL and rendered elements are.
 */
final class LoopGuard {

    static final int LIMIT = 3;

    private final Map<String, Integer> seen = new HashMap<>();

    /** Counts this action on this page; true when it is the third time. */
    boolean isRepeat(PageSnapshot page, BrowserAction action) {
        String key = fingerprint(page) + "\u0000" + action;
        return seen.merge(key, 1, Integer::sum) >= LIMIT;
    }

    private static String fingerprint(PageSnapshot page) {
        int elements = page.elements().hashCode();
        return page.url() + "#" + Integer.toHexString(elements) + "#" + Integer.toHexString(page.content().visibleText().hashCode());
    }
}
