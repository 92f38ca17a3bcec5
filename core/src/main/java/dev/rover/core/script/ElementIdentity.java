package dev.rover.core.script;

import java.util.Objects;

/**
 * An element as a script remembers it: how to find it again, what it must look like when found, and the origin
 * of the page it was on ({@code https://shop.example}): a replay never acts on it on another origin.
 */
public record ElementIdentity(ElementLocator locator, ElementFingerprint fingerprint, String origin) {

    public ElementIdentity {
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(fingerprint, "fingerprint");
        origin = origin == null ? "" : origin;
    }

    /**
     * An element with no recorded origin (a script written by hand): a replay then does not compare origins, while
     * credentials stay bound to their own origins by the browser as always.
     */
    public ElementIdentity(ElementLocator locator, ElementFingerprint fingerprint) {
        this(locator, fingerprint, "");
    }
}
