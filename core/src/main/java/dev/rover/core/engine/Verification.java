package dev.rover.core.engine;

/** The answer to "is the goal reached?", with the reason and what it cost. */
public record Verification(Status status, String reason, Usage usage) {

    /** Achieved, not yet, impossible, or the engine cannot judge. */
    public enum Status { ACHIEVED, NOT_ACHIEVED, IMPOSSIBLE, UNKNOWN }

    public Verification {
        reason = reason == null ? "" : reason;
        usage = usage == null ? Usage.ZERO : usage;
    }
}
