package dev.rover.blocks;

import dev.rover.blocks.runtime.LaunchSettings;
import dev.rover.blocks.runtime.RoverServices;
import dev.rover.blocks.runtime.RunLauncher;
import dev.rover.browser.session.BrowserProfile;
import dev.rover.browser.session.BrowserSession;
import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowLoader;
import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunType;
import dev.rover.core.run.TimelineEntry;
import dev.rover.core.secret.CredentialVault;
import dev.rover.core.store.RoverHome;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    private final RoverHome home;
    private final AutoCloseable resources;

    Rover(RoverServices services, RoverHome home, AutoCloseable resources) {
        this.services = services;
        this.home = home;
        this.launcher = new RunLauncher(services);
        this.resources = resources;
        // another process asked (through the shared store) to cancel a run this Rover executes
        services.runs().onCancelRequested(launcher::cancel);
    }

    /** A builder; everything has a default (data in {@code ROVER_HOME} or {@code ~/.rover}, engine from the environment). */
    public static RoverBuilder builder() {
        return new RoverBuilder();
    }

    /** Starts a task; returns at once ({@code created}/{@code queued}) or, with {@code waitForCompletion}, when it ends. */
    public Run runTask(TaskRequest request) {
        RunId runId = RunId.next(RunType.TASK);
        return settle(runId, startTask(runId, request), request.waitForCompletion(), request.timeout());
    }

    /** Starts a task; the future completes with the finished run. */
    public CompletableFuture<Run> runTaskAsync(TaskRequest request) {
        return startTask(RunId.next(RunType.TASK), request);
    }

    private CompletableFuture<Run> startTask(RunId runId, TaskRequest request) {
        LaunchSettings settings = new LaunchSettings(request.engine(), request.webhookUrl(), request.browserSessionId(),
                request.browserAddress(), request.maxSteps(), null, request.extraHttpHeaders(), request.userAgent(),
                Boolean.TRUE.equals(request.includeActionHistoryInVerification()), request.maxScreenshotScrolls(),
                request.proxyLocation(), request.totpIdentifier(), request.totpUrl());
        return launcher.launch(TaskWorkflows.of(request), runId, Map.of(), settings);
    }

    /** Runs a workflow file with these parameter values. */
    public Run runWorkflow(Path file, Map<String, Object> parameters, WorkflowRunOptions options) {
        return runWorkflow(new WorkflowLoader().load(file), parameters, options);
    }

    /** Runs a loaded workflow with these parameter values. */
    public Run runWorkflow(Workflow workflow, Map<String, Object> parameters, WorkflowRunOptions options) {
        RunId runId = RunId.next(RunType.WORKFLOW);
        return settle(runId, startWorkflow(runId, workflow, parameters, options), options.waitForCompletion(), options.timeout());
    }

    /** Starts a workflow; the future completes with the finished run. */
    public CompletableFuture<Run> runWorkflowAsync(Workflow workflow, Map<String, Object> parameters, WorkflowRunOptions options) {
        return startWorkflow(RunId.next(RunType.WORKFLOW), workflow, parameters, options);
    }

    private CompletableFuture<Run> startWorkflow(RunId runId, Workflow workflow, Map<String, Object> parameters,
                                                 WorkflowRunOptions options) {
        LaunchSettings settings = new LaunchSettings(options.engine(), options.webhookUrl(), options.browserSessionId(),
                options.browserAddress(), options.maxStepsPerBlock(), options.elapsedTimeLimit(), options.extraHttpHeaders(),
                null, false, null, null, totpSetting(workflow, workflow.settings().totpIdentifier(), "totp_identifier"),
                totpSetting(workflow, workflow.settings().totpVerificationUrl(), "totp_verification_url"));
        return launcher.launch(workflow, runId, parameters == null ? Map.of() : parameters, settings);
    }

    /** The workflow's own TOTP setting, else the first block (loops included) that sets the field. */
    private static String totpSetting(Workflow workflow, String workflowLevel, String blockField) {
        if (workflowLevel != null && !workflowLevel.isBlank()) {
            return workflowLevel;
        }
        return workflow.allBlocks().stream().map(b -> b.string(blockField).orElse(""))
                .filter(v -> !v.isBlank()).findFirst().orElse(null);
    }

    /** The run with this id ({@code tsk_...} or {@code wr_...}). */
    public Optional<Run> getRun(String runId) {
        return services.runs().find(RunId.of(runId));
    }

    /** Runs, most recent first. */
    public List<Run> listRuns(int limit) {
        return services.runs().list(limit);
    }

    /**
     * Cancels a queued or running run; a finished run is returned as it is. A run another process executes
     * (sharing this Rover's database) is asked to cancel through the store: its owner sees the request
     * within about a second, so the run returned here may still be active.
     */
    public Run cancelRun(String runId) {
        RunId id = RunId.of(runId);
        Run run = services.runs().find(id).orElseThrow(() -> unknownRun(runId));
        if (!run.status().isTerminal() && !launcher.cancel(id)) {
            services.runs().requestCancel(id);
        }
        return services.runs().find(id).orElse(run);
    }

    /** The run's timeline: blocks holding steps holding thoughts and actions. */
    public List<TimelineEntry> getRunTimeline(String runId) {
        RunId id = RunId.of(runId);
        services.runs().find(id).orElseThrow(() -> unknownRun(runId));
        return services.runs().timeline(id);
    }

    /** The run's artifacts in the order recorded; only of these types when any are given. */
    public List<ArtifactRecord> getRunArtifacts(String runId, ArtifactType... types) {
        RunId id = RunId.of(runId);
        services.runs().find(id).orElseThrow(() -> unknownRun(runId));
        return services.runs().artifacts(id, types.length == 0 ? EnumSet.noneOf(ArtifactType.class) : EnumSet.copyOf(Arrays.asList(types)));
    }

    /** One artifact by id ({@code a_...}). */
    public Optional<ArtifactRecord> getArtifact(String artifactId) {
        return services.runs().artifact(artifactId);
    }

    /** An artifact's content. */
    public byte[] readArtifact(ArtifactRecord artifact) throws IOException {
        return services.files().read(artifact);
    }

    /** Where the run's HTML report is, once the run has finished. */
    public Optional<Path> reportPath(String runId) {
        return getRunArtifacts(runId, ArtifactType.REPORT).stream().reduce((a, b) -> b)
                .map(services.files()::pathOf);
    }

    /** Sends the run's webhook again (for example after the receiver was down); the attempts are recorded on the run. */
    public Run retryRunWebhook(String runId) {
        Run run = services.runs().find(RunId.of(runId)).orElseThrow(() -> unknownRun(runId));
        if (!run.status().isTerminal()) {
            throw new IllegalStateException("run " + runId + " is " + run.status().wireName() + "; its webhook is sent when it ends");
        }
        if (launcher.isFinishing(run.runId())) {
            throw new IllegalStateException("run " + runId + " is still being finished (report, first webhook delivery); retry in a moment");
        }
        return launcher.deliverWebhook(run);
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
                new IllegalArgumentException("no open browser session " + sessionId));
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

    /** The credential vault: add, list (never values), delete. */
    public CredentialVault credentials() {
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
            launcher.close();
        } finally {
            try {
                resources.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing Rover failed: " + e.getMessage(), e);
            }
        }
    }

    /** The finished run when waiting (or the run as it stands when the wait times out); else the run as just started. */
    private Run settle(RunId runId, CompletableFuture<Run> done, boolean wait, Duration timeout) {
        if (!wait) {
            return services.runs().find(runId).orElseThrow(() -> new IllegalStateException("run " + runId + " was not recorded"));
        }
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return services.runs().find(runId).orElseThrow(() -> new IllegalStateException("run " + runId + " was not recorded"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the run", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IllegalStateException("the run could not be finished: "
                    + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName()), cause);
        }
    }

    private static IllegalArgumentException unknownRun(String runId) {
        return new IllegalArgumentException("no run " + runId);
    }
}
