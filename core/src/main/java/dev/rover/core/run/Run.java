package dev.rover.core.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The record of one execution of a task or workflow, in the shape of Skyvern's run response
 * (serialised with snake_case names by {@link dev.rover.core.json.Json}). Immutable: every change
 * produces a new value, and status changes are checked against {@link RunStatus}'s transitions.
 *
 * @param runId           {@code tsk_...} or {@code wr_...}
 * @param runType         task or workflow
 * @param status          lifecycle status
 * @param title           the task title or workflow title
 * @param output          task: the extracted data; workflow: {@code {"<label>_output": value, ...}}
 * @param downloadedFiles files the run downloaded
 * @param recordingUrl    the run's recording (Playwright trace), or null
 * @param recordingNote   why the run has no recording ("none: the run completed, and traces are kept only for runs
 *                        that do not complete"), or null when it has one or is not finished
 * @param screenshotUrls  screenshots, most recent first
 * @param failureReason   why the run did not complete, in words a person understands
 * @param errors          error codes reported (from {@code error_code_mapping})
 * @param stepCount       engine steps taken
 * @param usage           model calls, tokens and cost
 * @param parameters      the values the run was started with (secrets never stored, only their names)
 * @param webhookUrl      where the terminal webhook goes, or null
 * @param webhookAttempts delivery attempts so far
 * @param workflowSource  the definition file a workflow run came from, or null
 * @param createdAt       when created
 * @param queuedAt        when queued, or null
 * @param startedAt       when started, or null
 * @param finishedAt      when it reached a terminal status, or null
 * @param appUrl          where a person can look at it (the HTML report), or null
 * @param runWith         {@code agent} or {@code code} (cached replay) as the run was started, or null before it starts
 * @param aiFallback      whether a replay that no longer matches the page hands the block to the agent, or null
 * @param scriptRun       how each cacheable block ran (replayed, agent, fallback) and the scripts used, or null
 */
public record Run(
        RunId runId,
        RunType runType,
        RunStatus status,
        String title,
        Object output,
        List<FileInfo> downloadedFiles,
        String recordingUrl,
        String recordingNote,
        List<String> screenshotUrls,
        String failureReason,
        List<RunError> errors,
        int stepCount,
        RunUsage usage,
        Map<String, Object> parameters,
        String webhookUrl,
        List<WebhookAttempt> webhookAttempts,
        String workflowSource,
        Instant createdAt,
        Instant queuedAt,
        Instant startedAt,
        Instant finishedAt,
        String appUrl,
        String runWith,
        Boolean aiFallback,
        ScriptRun scriptRun) {

    public Run {
        downloadedFiles = downloadedFiles == null ? List.of() : List.copyOf(downloadedFiles);
        screenshotUrls = screenshotUrls == null ? List.of() : List.copyOf(screenshotUrls);
        errors = errors == null ? List.of() : List.copyOf(errors);
        usage = usage == null ? RunUsage.NONE : usage;
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        webhookAttempts = webhookAttempts == null ? List.of() : List.copyOf(webhookAttempts);
    }

    /** A new run in {@code created}. */
    public static Run created(RunId id, String title, Map<String, Object> parameters, String webhookUrl,
                              String workflowSource, Instant now) {
        return new Run(id, id.type(), RunStatus.CREATED, title, null, List.of(), null, null, List.of(), null, List.of(), 0,
                RunUsage.NONE, parameters, webhookUrl, List.of(), workflowSource, now, null, null, null, null, null, null, null);
    }

    /**
     * This run moved to another status, with the matching timestamp set.
     *
     * @throws IllegalStateException when the transition is not allowed
     */
    public Run withStatus(RunStatus next, Instant at) {
        status.moveTo(next);
        Builder b = toBuilder().status(next);
        switch (next) {
            case QUEUED -> b.queuedAt(at);
            case RUNNING -> b.startedAt(startedAt == null ? at : startedAt);
            default -> {
                if (next.isTerminal()) {
                    b.finishedAt(at);
                }
            }
        }
        return b.build();
    }

    /** A builder holding this run's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes several fields of a run at once; {@link #build()} makes the new value. */
    public static final class Builder {
        private RunId runId;
        private RunType runType;
        private RunStatus status;
        private String title;
        private Object output;
        private List<FileInfo> downloadedFiles;
        private String recordingUrl;
        private String recordingNote;
        private List<String> screenshotUrls;
        private String failureReason;
        private List<RunError> errors;
        private int stepCount;
        private RunUsage usage;
        private Map<String, Object> parameters;
        private String webhookUrl;
        private List<WebhookAttempt> webhookAttempts;
        private String workflowSource;
        private Instant createdAt;
        private Instant queuedAt;
        private Instant startedAt;
        private Instant finishedAt;
        private String appUrl;
        private String runWith;
        private Boolean aiFallback;
        private ScriptRun scriptRun;

        private Builder(Run r) {
            runId = r.runId; runType = r.runType; status = r.status; title = r.title; output = r.output;
            downloadedFiles = r.downloadedFiles; recordingUrl = r.recordingUrl; recordingNote = r.recordingNote; screenshotUrls = r.screenshotUrls;
            failureReason = r.failureReason; errors = r.errors; stepCount = r.stepCount; usage = r.usage;
            parameters = r.parameters; webhookUrl = r.webhookUrl; webhookAttempts = r.webhookAttempts;
            workflowSource = r.workflowSource; createdAt = r.createdAt; queuedAt = r.queuedAt;
            startedAt = r.startedAt; finishedAt = r.finishedAt; appUrl = r.appUrl;
            runWith = r.runWith; aiFallback = r.aiFallback; scriptRun = r.scriptRun;
        }

        Builder status(RunStatus v) { status = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder output(Object v) { output = v; return this; }
        public Builder downloadedFiles(List<FileInfo> v) { downloadedFiles = v; return this; }
        public Builder recordingUrl(String v) { recordingUrl = v; return this; }
        public Builder recordingNote(String v) { recordingNote = v; return this; }
        public Builder screenshotUrls(List<String> v) { screenshotUrls = v; return this; }
        public Builder failureReason(String v) { failureReason = v; return this; }
        public Builder errors(List<RunError> v) { errors = v; return this; }
        public Builder stepCount(int v) { stepCount = v; return this; }
        public Builder usage(RunUsage v) { usage = v; return this; }
        public Builder parameters(Map<String, Object> v) { parameters = v; return this; }
        public Builder webhookUrl(String v) { webhookUrl = v; return this; }
        public Builder webhookAttempts(List<WebhookAttempt> v) { webhookAttempts = v; return this; }
        Builder queuedAt(Instant v) { queuedAt = v; return this; }
        Builder startedAt(Instant v) { startedAt = v; return this; }
        Builder finishedAt(Instant v) { finishedAt = v; return this; }
        public Builder appUrl(String v) { appUrl = v; return this; }
        public Builder runWith(String v) { runWith = v; return this; }
        public Builder aiFallback(Boolean v) { aiFallback = v; return this; }
        public Builder scriptRun(ScriptRun v) { scriptRun = v; return this; }

        public Run build() {
            return new Run(runId, runType, status, title, output, downloadedFiles, recordingUrl, recordingNote, screenshotUrls,
                    failureReason, errors, stepCount, usage, parameters, webhookUrl, webhookAttempts, workflowSource,
                    createdAt, queuedAt, startedAt, finishedAt, appUrl, runWith, aiFallback, scriptRun);
        }
    }
}
