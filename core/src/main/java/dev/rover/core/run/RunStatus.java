package dev.rover.core.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The lifecycle of a run, with exactly Skyvern's transitions:
 * created → queued | running | timed_out | failed | canceled;
 * queued → running | timed_out | failed | canceled;
 * running → completed | failed | terminated | timed_out | canceled (and paused, for workflows);
 * paused → running | failed | timed_out | canceled;
 * terminal states go nowhere.
 */
public enum RunStatus {
    CREATED, QUEUED, RUNNING, PAUSED, COMPLETED, FAILED, TERMINATED, TIMED_OUT, CANCELED;

    /** True for completed, failed, terminated, timed_out and canceled. */
    public boolean isTerminal() {
        return switch (this) {
            case COMPLETED, FAILED, TERMINATED, TIMED_OUT, CANCELED -> true;
            default -> false;
        };
    }

    /** The statuses this one may move to. */
    public Set<RunStatus> next() {
        return switch (this) {
            case CREATED -> EnumSet.of(QUEUED, RUNNING, TIMED_OUT, FAILED, CANCELED);
            case QUEUED -> EnumSet.of(RUNNING, TIMED_OUT, FAILED, CANCELED);
            case RUNNING -> EnumSet.of(COMPLETED, FAILED, TERMINATED, TIMED_OUT, CANCELED, PAUSED);
            case PAUSED -> EnumSet.of(RUNNING, FAILED, TIMED_OUT, CANCELED);
            default -> EnumSet.noneOf(RunStatus.class);
        };
    }

    public boolean canMoveTo(RunStatus target) {
        return next().contains(target);
    }

    /**
     * Checks a transition.
     *
     * @throws IllegalStateException naming both statuses and the allowed targets
     */
    public RunStatus moveTo(RunStatus target) {
        if (!canMoveTo(target)) {
            throw new IllegalStateException("a run cannot go from " + wireName() + " to " + target.wireName()
                    + (isTerminal() ? " (" + wireName() + " is final)" : "; allowed: " + next().stream().map(RunStatus::wireName).toList()));
        }
        return target;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RunStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
