package dev.rover.core.run;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What kind of run this is, with Skyvern's {@code run_type} wire names: a task on the DOM engines, a
 * workflow, or a task on one of the computer-use engines (whose ids say so after {@code tsk_}).
 */
public enum RunType {
    TASK("task_v1", "tsk_"),
    WORKFLOW("workflow_run", "wr_"),
    OPENAI_CUA("openai_cua", "tsk_oai_"),
    ANTHROPIC_CUA("anthropic_cua", "tsk_ant_"),
    UI_TARS("ui_tars", "tsk_uit_");

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

    /** True for every kind of task run (one task block), false for workflow runs. */
    public boolean isTask() {
        return this != WORKFLOW;
    }

    /** The run type of a task run on this engine: a computer-use engine's own, else {@link #TASK}. */
    public static RunType forTaskEngine(String engine) {
        if (engine != null) {
            String name = engine.trim().toLowerCase(java.util.Locale.ROOT);
            for (RunType t : values()) {
                if (t.isTask() && t != TASK && t.wireName.equals(name)) {
                    return t;
                }
            }
        }
        return TASK;
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
