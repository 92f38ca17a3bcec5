package dev.rover.core.run;

import java.util.Map;
import java.util.Optional;

/**
 * Reads what a paused run awaits: the {@code human_interaction} block waiting for a person keeps
 * {@code {"status": "awaiting_human", "instructions": ...}} as its output while the run is paused, and
 * the CLI and the report show those instructions.
 */
public final class PausedRun {

    /** The output status of a block waiting for a person. */
    public static final String AWAITING = "awaiting_human";

    private PausedRun() {
    }

    /**
     * The output key ({@code <label>_output}) of the top-level block the paused run waits in, or empty when it is
     * not paused or no block output says it is awaiting a person.
     */
    public static Optional<String> awaitingOutputKey(Run run) {
        if (run.status() != RunStatus.PAUSED || !(run.output() instanceof Map<?, ?> outputs)) {
            return Optional.empty();
        }
        for (Map.Entry<?, ?> e : outputs.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> block && AWAITING.equals(block.get("status"))) {
                return Optional.of(String.valueOf(e.getKey()));
            }
        }
        return Optional.empty();
    }

    /** When the paused run's wait ends ({@code timeout_at} of the awaiting block), or empty when unknown. */
    public static Optional<java.time.Instant> timeoutAt(Run run) {
        return awaitingOutputKey(run).map(key -> ((Map<?, ?>) run.output()).get(key))
                .map(block -> ((Map<?, ?>) block).get("timeout_at")).flatMap(at -> {
                    try {
                        return Optional.of(java.time.Instant.parse(String.valueOf(at)));
                    } catch (java.time.format.DateTimeParseException e) {
                        return Optional.empty();
                    }
                });
    }

    /** The instructions the paused run awaits a person for, or empty when it is not paused. */
    public static Optional<String> awaited(Run run) {
        if (run.status() != RunStatus.PAUSED || !(run.output() instanceof Map<?, ?> outputs)) {
            return Optional.empty();
        }
        for (Object value : outputs.values()) {
            if (value instanceof Map<?, ?> block && AWAITING.equals(block.get("status"))) {
                return Optional.of(String.valueOf(block.get("instructions")));
            }
        }
        return Optional.of("a person's decision");
    }
}
