package dev.rover.core.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** The id of a run: {@code tsk_...} for a task run ({@code tsk_oai_...} and the like on computer-use engines), {@code wr_...} for a workflow run; time-sortable. */
public record RunId(String value) implements Comparable<RunId> {

    public RunId {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith("tsk_") && !value.startsWith("wr_")) {
            throw new IllegalArgumentException("a run id starts with tsk_ or wr_, not '" + value + "'");
        }
    }

    /** A new id for a run of this type. */
    public static RunId next(RunType type) {
        return new RunId(SortableId.next(type.idPrefix()));
    }

    @JsonCreator
    public static RunId of(String value) {
        return new RunId(value);
    }

    /** The run type the prefix says. */
    public RunType type() {
        RunType found = null;
        for (RunType t : RunType.values()) {
            if (value.startsWith(t.idPrefix()) && (found == null || t.idPrefix().length() > found.idPrefix().length())) {
                found = t;
            }
        }
        return found;
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }

    @Override
    public int compareTo(RunId o) {
        return value.substring(value.lastIndexOf('_') + 1).compareTo(o.value.substring(o.value.lastIndexOf('_') + 1));
    }
}
