package dev.rover.blocks.runtime;

import dev.rover.core.definition.Parameter;
import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowLoader;
import dev.rover.core.exec.RunContinuation;
import dev.rover.core.run.HumanDecision;
import dev.rover.core.run.PausedRun;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunError;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.TimelineEntry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers a run paused in a {@code human_interaction} block whose process stopped (its lease lapsed): this process
 * takes the run over and continues it from the block after the paused one, in a new browser session (said on the
 * run), or ends it {@code terminated} when rejected and {@code timed_out} when its wait is over. The workflow is
 * read again from the file the run came from.
 */
public final class PausedRunTakeover {

    /** The error code of the note that the run went on in another process and a new browser session. */
    public static final String CONTINUED_CODE = "continued_in_new_process";

    private final RoverServices services;
    private final RunLauncher launcher;

    public PausedRunTakeover(RoverServices services, RunLauncher launcher) {
        this.services = services;
        this.launcher = launcher;
    }

    /**
     * Takes over the run when its process stopped and applies the decision; empty when the run's owner is alive
     * (or the run is not paused), so the decision is left for the owner. Returns the run as it stands (queued again
     * when it continues).
     *
     * A run this process cannot launch (its engine is unknown here, ...) ends {@code failed} saying why.
     */
    public Optional<Run> takeOver(Run run, HumanDecision decision, java.util.function.Function<Workflow, LaunchSettings> settingsFor) {
        if (run.status() != RunStatus.PAUSED || services.coordinator().isActive(run.runId())
                || !services.runs().claimOrphanedPause(run.runId())) {
            return Optional.empty();
        }
        Instant now = services.clock().instant();
        String key = PausedRun.awaitingOutputKey(run).orElse(null);
        if (key == null) {
            return Optional.of(endStored(run, RunStatus.FAILED, "its process stopped while it was paused, and it does not"
                    + " say which block waits for a person, so it cannot continue", now));
        }
        String label = key.substring(0, key.length() - "_output".length());
        Optional<Workflow> workflow = workflowOf(run);
        if (workflow.isEmpty()) {
            return Optional.of(endStored(run, RunStatus.FAILED, "its process stopped while it was paused, and its workflow"
                    + " definition (" + run.workflowSource() + ") is not readable here, so it cannot continue", now));
        }
        Map<?, ?> awaiting = (Map<?, ?>) ((Map<?, ?>) run.output()).get(key);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("decision", decision.wireName());
        out.put("approved", decision.approved());
        out.put("comment", decision.comment());
        out.put("instructions", awaiting.get("instructions"));
        RunStatus endStatus = null;
        String endReason = null;
        Optional<Instant> timeoutAt = PausedRun.timeoutAt(run);
        if (timeoutAt.isPresent() && !timeoutAt.get().isAfter(now)) {
            endStatus = RunStatus.TIMED_OUT;
            endReason = "nobody approved or rejected human_interaction block '" + label + "' before its timeout at " + timeoutAt.get();
            out = new LinkedHashMap<>(Map.of("decision", "timed_out", "instructions", String.valueOf(awaiting.get("instructions"))));
        } else if (!decision.approved()) {
            endStatus = RunStatus.TERMINATED;
            endReason = "a person rejected human_interaction block '" + label + "'"
                    + (decision.comment() == null ? "" : ": " + decision.comment());
        }
        Map<String, Object> given = new LinkedHashMap<>();
        for (Parameter p : workflow.get().parameters()) {
            if (p instanceof Parameter.WorkflowParameter wp && run.parameters().containsKey(wp.key())) {
                Object value = run.parameters().get(wp.key());
                if (wp.valueType() == Parameter.ValueType.CREDENTIAL_ID && !(value instanceof String)) {
                    endStatus = endStatus != null ? endStatus : RunStatus.FAILED;
                    endReason = endReason != null ? endReason : "its process stopped while it was paused, and parameter '"
                            + wp.key() + "' holds a credential that process resolved, so it cannot continue elsewhere;"
                            + " start the workflow again";
                    continue;
                }
                given.put(wp.key(), value);
            }
        }
        Map<String, Object> outputs = new LinkedHashMap<>(castOutputs(run));
        outputs.put(key, out);
        List<RunError> errors = new ArrayList<>(run.errors());
        if (endStatus == null) {
            errors.add(new RunError(CONTINUED_CODE, "the process that paused this run stopped; after a person approved it,"
                    + " another process continued it from the block after '" + label + "' in a new browser session"
                    + " (the paused session's pages, cookies and sign-ins are gone)", label));
        }
        Run adopted = run.toBuilder().output(outputs).errors(errors).build();
        String entryStatus = endStatus == null ? "completed" : endStatus.wireName();
        List<TimelineEntry> timeline = new ArrayList<>();
        for (TimelineEntry e : services.runs().timeline(run.runId())) {
            timeline.add(e.label().equals(label) && e.finishedAt() == null ? e.finished(entryStatus, out, endReason, now) : e);
        }
        RunContinuation continuation = new RunContinuation(adopted, timeline, label, endStatus, endReason);
        LaunchSettings settings = settingsFor.apply(workflow.get());
        LaunchSettings launch = new LaunchSettings(settings.engine(), settings.model(),
                settings.webhookUrl() != null ? settings.webhookUrl() : run.webhookUrl(), null, null,
                settings.maxStepsPerBlock(), settings.elapsedTimeLimit(), settings.extraHttpHeaders(), settings.userAgent(),
                settings.historyInVerification(), settings.maxScreenshotScrolls(), settings.proxyLocation(),
                settings.totpIdentifier(), settings.totpUrl(), settings.runWith(), settings.aiFallback(), false);
        try {
            return Optional.of(launcher.launch(workflow.get(), run.runId(), given, launch, continuation).current());
        } catch (IllegalArgumentException e) {
            // this process holds the run's lease now: leaving it paused would keep it from ever timing out
            return Optional.of(endStored(run, RunStatus.FAILED, "its process stopped while it was paused, and this"
                    + " process cannot continue it: " + e.getMessage(), now));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castOutputs(Run run) {
        return run.output() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Optional<Workflow> workflowOf(Run run) {
        if (run.workflowSource() == null || run.workflowSource().isBlank()) {
            return Optional.empty();
        }
        try {
            Path file = Path.of(run.workflowSource());
            return Files.isRegularFile(file) ? Optional.of(new WorkflowLoader().load(file)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stores the run ended without a coordinator (nothing to walk): its open timeline entries closed too. */
    private Run endStored(Run run, RunStatus status, String reason, Instant now) {
        Run ended = run.withStatus(status, now).toBuilder().failureReason(reason).build();
        List<TimelineEntry> timeline = new ArrayList<>();
        for (TimelineEntry e : services.runs().timeline(run.runId())) {
            timeline.add(e.finishedAt() == null ? e.finished(status.wireName(), e.output(), reason, now) : e);
        }
        services.runs().saveTimeline(run.runId(), timeline);
        services.runs().save(ended);
        return ended;
    }
}
