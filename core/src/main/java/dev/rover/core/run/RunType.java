package dev.rover.core.run;

import com.fasterxml.jackson.annotation.JsonValue;

/** What kind of run this is, with Skyvern's {@code run_type} wire names. */
public enum RunType {
    TASK("task_v1", "tsk_"),
    WORKFLOW("workflow_run", "wr_");

    private final String wireName;
    private final String idPrefix;

    RunType(String wireName, String idPrefix) {
        this.wireName = wireName;
        this.idPrefix = idPrefix;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The id prefix of runs of this type. */
    public String idPrefix() {
        return idPrefix;
    }

    /** The type with this wire name. */
    public static RunType fromWireName(String name) {
        for (RunType t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown run type '" + name + "'");
    }
}
