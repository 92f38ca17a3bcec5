package dev.rover.core.run;

/**
 * What a person decided about a run paused in a {@code human_interaction} block: approve (continue) or
 * reject, with an optional comment. It travels through the run store, so any process sharing the
 * database can give it.
 *
 * @param approved true to continue the run as approved, false to record a rejection
 * @param comment  what the person said, or null
 */
public record HumanDecision(boolean approved, String comment) {

    public HumanDecision {
        comment = comment == null || comment.isBlank() ? null : comment;
    }

    /** The decision's name in block output: {@code approved} or {@code rejected}. */
    public String wireName() {
        return approved ? "approved" : "rejected";
    }

    /** Reads the wire form written by {@link #toWire()}. */
    public static HumanDecision fromWire(String wire) {
        int colon = wire.indexOf(':');
        String head = colon < 0 ? wire : wire.substring(0, colon);
        String comment = colon < 0 ? null : wire.substring(colon + 1);
        return switch (head) {
            case "approved" -> new HumanDecision(true, comment);
            case "rejected" -> new HumanDecision(false, comment);
            default -> throw new IllegalArgumentException("not a stored human decision: " + head);
        };
    }

    /** A compact form for a store column: {@code approved} or {@code rejected}, then {@code :comment} if any. */
    public String toWire() {
        return comment == null ? wireName() : wireName() + ":" + comment;
    }
}
