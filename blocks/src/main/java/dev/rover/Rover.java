package dev.rover;

import dev.rover.blocks.runtime.LaunchSettings;
import dev.rover.blocks.runtime.PausedReport;
import dev.rover.blocks.runtime.RoverServices;
import dev.rover.blocks.runtime.RunLauncher;
import dev.rover.browser.session.BrowserProfile;
import dev.rover.browser.session.BrowserSession;
import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowLoader;
import dev.rover.core.error.InvalidRequestException;
import dev.rover.core.error.RoverException;
import dev.rover.core.error.RoverStateException;
import dev.rover.core.error.RunNotFoundException;
import dev.rover.core.error.RunTimeoutException;
import dev.rover.core.exec.RunHandle;
import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.HumanDecision;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunType;
import dev.rover.core.run.TimelineEntry;
import dev.rover.core.secret.CredentialStore;
import dev.rover.core.script.ScriptStore;
import dev.rover.core.store.RoverHome;
import dev.rover.core.store.WorkflowStore;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Rover as an application embeds it: run a task (a goal in plain language) or a workflow (a
 * Skyvern-compatible YAML/JSON file), then read, cancel and inspect runs, their timelines and
 * artifacts; manage browser sessions, profiles and credentials. Build one with {@link #builder()}
 * and close it when done: closing cancels active runs and closes every browser it opened.
 *
 * <pre>{@code
 * try (Rover rover = Rover.builder().build()) {
 *     Run run = rover.runTask(TaskRequest.builder("Extract the page heading")
 *             .url("http://127.0.0.1:8080").waitForCompletion(true).build());
 *     System.out.println(run.status() + " " + run.output());
 * }
 * }</pre>
 */
public final class Rover implements AutoCloseable {

    private final RoverServices services;
    private final RunLauncher launcher;
    private final dev.rover.blocks.runtime.PausedRunTakeover takeover;
    private final RoverHome home;
    private final AutoCloseable resources;
    private final WorkflowStore workflows;
    private final ScriptStore scripts;

    Rover(RoverServices services, RoverHome home, WorkflowStore workflows, ScriptStore scripts, AutoCloseable resources) {
        this.services = services;
        this.workflows = workflows;
        this.scripts = scripts;
        this.home = home;
        this.launcher = new RunLauncher(services);
        this.takeover = new dev.rover.blocks.runtime.PausedRunTakeover(services, launcher);
        this.resources = resources;
        // another process asked (through the shared store) to cancel a run this Rover executes
        services.runs().onCancelRequested(services.coordinator()::cancel);
    }

    /** A builder; everything has a default (data in {@code ROVER_HOME} or {@code ~/.rover}, engine from the environment). */
    public static RoverBuilder builder() {
        return new RoverBuilder();
    }

    /**
     * Runs a task: returns at once ({@code queued}) or, with {@code waitForCompletion}, when it has ended.
     *
     * @throws InvalidRequestException when the request cannot run (unknown engine, session, credential, ...)
     * @throws RunTimeoutException     when waiting and the run has not ended within the request's timeout
     */
    public Run runTask(TaskRequest request) {
        RunHandle handle = startTask(request);
        return request.waitForCompletion() ? await(handle, request.timeout()) : handle.current();
    }

    /** Starts a task; the future completes with the finished run (completing or canceling it does not affect the run). */
    public CompletableFuture<Run> runTaskAsync(TaskRequest request) {
        return startTask(request).future();
    }

    /**
     * Starts a task and hands back its handle: its id, {@link RunHandle#await(Duration)}, cancel.
     *
     * @throws InvalidRequestException when the request cannot run; nothing is recorded then
     */
    public RunHandle startTask(TaskRequest request) {
        LaunchSettings settings = new LaunchSettings(request.engine(), null, request.webhookUrl(), request.browserSessionId(),
                request.browserAddress(), request.maxSteps(), null, request.extraHttpHeaders(), request.userAgent(),
                Boolean.TRUE.equals(request.includeActionHistoryInVerification()), request.maxScreenshotScrolls(),
                request.proxyLocation(), request.totpIdentifier(), request.totpUrl(), request.runWith(), request.aiFallback(),
                request.publishWorkflow());
        return launch(TaskWorkflows.of(request), RunId.next(RunType.forTaskEngine(request.engine())), Map.of(), settings);
    }

    /** Runs a workflow file with these parameter values; see {@link #runWorkflow(Workflow, Map, WorkflowRunOptions)}. */
    public Run runWorkflow(Path file, Map<String, Object> parameters, WorkflowRunOptions options) {
        return runWorkflow(new WorkflowLoader().load(file), parameters, options);
    }

    /**
     * Runs a loaded workflow with these parameter values: returns at once ({@code queued}) or, with
     * {@code waitForCompletion}, when it has ended.
     *
     * @throws InvalidRequestException when the workflow cannot run here (not runnable blocks, parameters, engine, ...)
     * @throws RunTimeoutException     when waiting and the run has not ended within the options' timeout
     */
    public Run runWorkflow(Workflow workflow, Map<String, Object> parameters, WorkflowRunOptions options) {
        RunHandle handle = startWorkflow(workflow, parameters, options);
        return options.waitForCompletion() ? await(handle, options.timeout()) : handle.current();
    }

    /** Starts a workflow; the future completes with the finished run (completing or canceling it does not affect the run). */
    public CompletableFuture<Run> runWorkflowAsync(Workflow workflow, Map<String, Object> parameters, WorkflowRunOptions options) {
        return startWorkflow(workflow, parameters, options).future();
    }

    /**
     * Starts a workflow and hands back its handle: its id, {@link RunHandle#await(Duration)}, cancel.
     *
     * @throws InvalidRequestException when the workflow cannot run here; nothing is recorded then
     */
    public RunHandle startWorkflow(Workflow workflow, Map<String, Object> parameters, WorkflowRunOptions options) {
        return launch(workflow, RunId.next(RunType.WORKFLOW), parameters == null ? Map.of() : parameters, launchSettings(options, workflow));
    }

    /** The launch settings of a run of this workflow with these options. */
    private static LaunchSettings launchSettings(WorkflowRunOptions options, Workflow workflow) {
        return new LaunchSettings(options.engine(), options.model(), options.webhookUrl(), options.browserSessionId(),
                options.browserAddress(), options.maxStepsPerBlock(), options.elapsedTimeLimit(), options.extraHttpHeaders(),
                null, false, null, null, totpSetting(workflow, workflow.settings().totpIdentifier(), "totp_identifier"),
                totpSetting(workflow, workflow.settings().totpVerificationUrl(), "totp_verification_url"),
                options.runWith(), options.aiFallback(), false);
    }

    /** Hands the run to the coordinator; a request it cannot run is an {@link InvalidRequestException}. */
    private RunHandle launch(Workflow workflow, RunId runId, Map<String, Object> parameters, LaunchSettings settings) {
        try {
            return launcher.launch(workflow, runId, parameters, settings);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage(), e);
        }
    }

    private static Run await(RunHandle handle, Duration timeout) {
        try {
            return handle.await(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RoverStateException("interrupted while waiting for run " + handle.runId() + "; it goes on");
        }
    }

    /** The workflow's own TOTP setting, else the first block (loops included) that sets the field. */
    private static String totpSetting(Workflow workflow, String workflowLevel, String blockField) {
        if (workflowLevel != null && !workflowLevel.isBlank()) {
            return workflowLevel;
        }
        return workflow.allBlocks().stream().map(b -> b.string(blockField).orElse(""))
                .filter(v -> !v.isBlank()).findFirst().orElse(null);
    }

    /** The run with this id ({@code tsk_...} or {@code wr_...}); empty for an unknown or malformed id. */
    public Optional<Run> getRun(String runId) {
        return parse(runId).flatMap(this::getRun);
    }

    /** The run with this id. */
    public Optional<Run> getRun(RunId runId) {
        return services.runs().find(runId);
    }

    /** Runs, most recent first. */
    public List<Run> listRuns(int limit) {
        return services.runs().list(limit);
    }

    /**
     * Cancels a queued or running run; a finished run is returned as it is.
     *
     * @throws RunNotFoundException for an unknown id
     */
    public Run cancelRun(String runId) {
        return cancelRun(require(runId));
    }

    /**
     * Cancels a queued or running run; a finished run is returned as it is. A run another process executes
     * (sharing this Rover's database) is asked to cancel through the store: its owner sees the request
     * within about a second, so the run returned here may still be active.
     *
     * @throws RunNotFoundException for an unknown id
     */
    public Run cancelRun(RunId runId) {
        Run run = find(runId);
        if (!run.status().isTerminal() && !services.coordinator().cancel(runId)) {
            services.runs().requestCancel(runId);
        }
        return services.runs().find(runId).orElse(run);
    }

    /**
     * Answers a run paused in a {@code human_interaction} block: approves it (it continues) or rejects it (it
     * ends terminated), with an optional comment the block's output keeps. Works for a run another process
     * executes on this Rover's database: its owner sees the decision within a fraction of a second. When the process
     * that paused the run stopped (its lease lapsed), this Rover takes the run over: it continues from the block after
     * the paused one in a new browser session (an error entry on the run says so), or ends {@code terminated} when
     * rejected, or {@code timed_out} when its wait is over; see {@link #isRunningHere}.
     *
     * @throws RunNotFoundException for an unknown id
     * @throws RoverStateException  when the run is not paused
     */
    public Run resumeRun(String runId, HumanDecision decision) {
        RunId id = require(runId);
        Run run = find(id);
        java.util.Objects.requireNonNull(decision, "decision");
        Optional<Run> continued;
        try {
            continued = takeover.takeOver(run, decision, workflow -> launchSettings(WorkflowRunOptions.builder().build(), workflow));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage(), e);
        }
        if (continued.isPresent()) {
            return continued.get();
        }
        if (!services.runs().requestResume(id, java.util.Objects.requireNonNull(decision, "decision"))) {
            Run now = services.runs().find(id).orElse(run);
            throw new RoverStateException("run " + id + " is " + now.status().wireName()
                    + ", not paused: only a run waiting in a human_interaction block can be resumed");
        }
        return services.runs().find(id).orElse(run);
    }

    /**
     * Whether this Rover executes the run now (queued, running, paused or being recorded here), so closing it cancels
     * the run: true for a run {@link #resumeRun} took over from a process that stopped.
     */
    public boolean isRunningHere(String runId) {
        return parse(runId).map(id -> services.coordinator().isActive(id)).orElse(false);
    }

    /** The run's timeline: blocks holding steps holding thoughts and actions. */
    public List<TimelineEntry> getRunTimeline(String runId) {
        return getRunTimeline(require(runId));
    }

    /**
     * The run's timeline: blocks holding steps holding thoughts and actions.
     *
     * @throws RunNotFoundException for an unknown id
     */
    public List<TimelineEntry> getRunTimeline(RunId runId) {
        find(runId);
        return services.runs().timeline(runId);
    }

    /** The run's artifacts in the order recorded; only of these types when any are given. */
    public List<ArtifactRecord> getRunArtifacts(String runId, ArtifactType... types) {
        return getRunArtifacts(require(runId), types);
    }

    /**
     * The run's artifacts in the order recorded; only of these types when any are given.
     *
     * @throws RunNotFoundException for an unknown id
     */
    public List<ArtifactRecord> getRunArtifacts(RunId runId, ArtifactType... types) {
        find(runId);
        return services.runs().artifacts(runId, types.length == 0 ? EnumSet.noneOf(ArtifactType.class) : EnumSet.copyOf(Arrays.asList(types)));
    }

    /** One artifact by id ({@code a_...}). */
    public Optional<ArtifactRecord> getArtifact(String artifactId) {
        return services.runs().artifact(artifactId);
    }

    /** An artifact's content. */
    public byte[] readArtifact(ArtifactRecord artifact) throws IOException {
        return services.files().read(artifact);
    }

    /** Opens an artifact's content as a stream (the caller closes it), for serving large files without holding them. */
    public java.io.InputStream openArtifact(ArtifactRecord artifact) throws IOException {
        return services.files().open(artifact);
    }

    /** Workflow definitions kept by id with their versions, in the run database. */
    public WorkflowStore workflows() {
        return workflows;
    }

    /** Block scripts of cached replay ({@code run_with: code}) with their revisions, in the run database. */
    public ScriptStore scripts() {
        return scripts;
    }

    /** Where the run's HTML report is, once the run has finished. */
    public Optional<Path> reportPath(String runId) {
        return reportPath(require(runId));
    }

    /**
     * Where the run's HTML report is on this machine, once the run has finished (empty before, or when
     * the artifact store keeps its content elsewhere than in local files); for a paused run, a report of it
     * so far, saying what it awaits, written now ({@link PausedReport}).
     *
     * @throws RunNotFoundException for an unknown id
     */
    public Optional<Path> reportPath(RunId runId) {
        Optional<Path> paused = PausedReport.write(find(runId), services.runs(), services.folders());
        if (paused.isPresent()) {
            return paused;
        }
        return getRunArtifacts(runId, ArtifactType.REPORT).stream().reduce((a, b) -> b)
                .map(a -> java.net.URI.create(a.uri())).filter(uri -> "file".equalsIgnoreCase(uri.getScheme()))
                .map(Path::of);
    }

    /** Sends the run's webhook again; see {@link #retryRunWebhook(RunId)}. */
    public Run retryRunWebhook(String runId) {
        return retryRunWebhook(require(runId));
    }

    /**
     * Sends the run's webhook again (for example after the receiver was down); the attempts are recorded on the run.
     *
     * @throws RunNotFoundException     for an unknown id
     * @throws RoverStateException      while the run has not ended or its first delivery is still going on
     * @throws InvalidRequestException  when the run has no webhook url
     */
    public Run retryRunWebhook(RunId runId) {
        Run run = find(runId);
        if (!run.status().isTerminal()) {
            throw new RoverStateException("run " + runId + " is " + run.status().wireName() + "; its webhook is sent when it ends");
        }
        if (services.coordinator().isActive(run.runId())) {
            throw new RoverStateException("run " + runId + " is still being finished (report, first webhook delivery); retry in a moment");
        }
        try {
            return services.coordinator().deliverWebhook(run);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage(), e);
        }
    }

    /** Opens a persistent browser session ({@code pbs_...}) with Rover's browser options; null timeout = 60 minutes. */
    public BrowserSession createBrowserSession(Duration timeout) {
        return timeout == null ? services.sessions().create(services.browserOptions())
                : services.sessions().create(services.browserOptions(), timeout);
    }

    /** An open browser session. */
    public Optional<BrowserSession> getBrowserSession(String sessionId) {
        return services.sessions().get(sessionId);
    }

    /** Open browser sessions, oldest first. */
    public List<BrowserSession> listBrowserSessions() {
        return services.sessions().list();
    }

    /** Closes a browser session; false when there was none. */
    public boolean closeBrowserSession(String sessionId) {
        return services.sessions().close(sessionId);
    }

    /** Saves the cookies and storage of a session's browser as a profile a workflow can start from ({@code browser_profile_id}). */
    public BrowserProfile saveBrowserProfile(String name, String sessionId) {
        BrowserSession session = services.sessions().get(sessionId).orElseThrow(() ->
                new InvalidRequestException("no open browser session " + sessionId));
        return services.profiles().save(name, session);
    }

    /** Saved browser profiles. */
    public List<BrowserProfile> listBrowserProfiles() {
        return services.profiles().list();
    }

    /** Deletes a browser profile; false when there was none. */
    public boolean deleteBrowserProfile(String name) {
        return services.profiles().delete(name);
    }

    /**
     * Hands Rover a one-time code for runs waiting on {@code totp_identifier} (for example a code
     * your application received by SMS or e-mail). A run typing its TOTP placeholder takes it.
     */
    public void pushTotpCode(String totpIdentifier, String code) {
        services.totpCodes().push(totpIdentifier, code);
    }

    /** The credentials runs may use: add, list (never values), bind to origins, delete. */
    public CredentialStore credentials() {
        return services.vault();
    }

    /** The data directory. */
    public Path dataDirectory() {
        return home.root();
    }

    /** Engines this Rover knows by name. */
    public List<String> engineNames() {
        return List.copyOf(services.engines().names());
    }

    /** Cancels active runs, waits for them to be recorded, and closes every browser, session and store. */
    @Override
    public void close() {
        try {
            services.coordinator().close();
        } finally {
            try {
                resources.close();
            } catch (Exception e) {
                throw new RoverException("closing Rover failed: " + e.getMessage(), e);
            }
        }
    }

    private static Optional<RunId> parse(String runId) {
        try {
            return Optional.of(RunId.of(runId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static RunId require(String runId) {
        return parse(runId).orElseThrow(() -> new RunNotFoundException(runId));
    }

    private Run find(RunId runId) {
        return services.runs().find(runId).orElseThrow(() -> new RunNotFoundException(runId.value()));
    }
}
