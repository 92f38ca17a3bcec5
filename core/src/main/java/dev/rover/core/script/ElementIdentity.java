package dev.rover.core.script;

import java.util.Objects;

/** An element as a script remembers it: how to find it again and what it must look like when found. */
public record ElementIdentity(ElementLocator locator, ElementFingerprint fingerprint) {

    public ElementIdentity {
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
