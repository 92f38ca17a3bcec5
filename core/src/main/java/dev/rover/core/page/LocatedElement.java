package dev.rover.core.page;

import dev.rover.core.script.ElementFingerprint;

import java.util.Objects;

/**
 * An element a replay found again by its recorded locator: the target an action can use on it now, what it looks
 * like (to compare with the recorded fingerprint before acting), which locator strategy found it, and the origin of
 * the page it is on.
 */
public record LocatedElement(Target target, ElementFingerprint fingerprint, String strategy, String origin) {

    public LocatedElement {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(strategy, "strategy");
        origin = origin == null ? "" : origin;
    }
}
