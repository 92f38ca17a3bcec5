package dev.rover.core.template;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names templates see besides parameters, spelled once: block outputs ({@code <label>_output}
 * and {@code <label>}), loop variables, and the run-wide {@code current_date},
 * {@code workflow_run_id} and {@code workflow_title}.
 */
public final class TemplateValues {

    public static final String CURRENT_VALUE = "current_value";
    public static final String CURRENT_ITEM = "current_item";
    public static final String CURRENT_INDEX = "current_index";
    public static final String CURRENT_DATE = "current_date";
    public static final String WORKFLOW_RUN_ID = "workflow_run_id";
    public static final String WORKFLOW_TITLE = "workflow_title";

    private TemplateValues() {
    }

    /**
     * The two names a block's output is visible under: {@code <label>_output} (the raw output) and
     * {@code <label>} (the output map plus key {@code output}, or {@code {"output": value}}).
     */
    public static Map<String, Object> blockOutput(String label, Object output) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (output instanceof Map<?, ?> map) {
            map.forEach((k, v) -> view.put(String.valueOf(k), v));
        }
        view.put("output", output);
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put(label + "_output", output);
        entries.put(label, view);
        return entries;
    }

    /** The loop variables of one iteration: {@code current_value} and {@code current_item} are the item. */
    public static Map<String, Object> loopIteration(Object item, int index) {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put(CURRENT_VALUE, item);
        entries.put(CURRENT_ITEM, item);
        entries.put(CURRENT_INDEX, index);
        return entries;
    }

    /** The run-wide names: {@code current_date} (ISO date), {@code workflow_run_id}, {@code workflow_title}. */
    public static Map<String, Object> run(String runId, String workflowTitle, LocalDate today) {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put(CURRENT_DATE, today.toString());
        entries.put(WORKFLOW_RUN_ID, runId);
        entries.put(WORKFLOW_TITLE, workflowTitle);
        return entries;
    }
}
