package dev.rover.blocks.runtime;

import dev.rover.blocks.browser.RunBrowserLease;
import dev.rover.blocks.run.BlockRuntime;
import dev.rover.browser.BrowserOptions;
import dev.rover.core.definition.NotRunnableException;
import dev.rover.core.definition.RunnabilityCheck;
import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowSettings;
import dev.rover.core.exec.CancellationToken;
import dev.rover.core.exec.CredentialResolver;
import dev.rover.core.exec.RunHandle;
import dev.rover.core.exec.RunOptions;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.WebhookAttempt;
import dev.rover.core.secret.SecretScope;
import dev.rover.llm.LlmCallListener;
import dev.rover.llm.RunScope;
import dev.rover.llm.usage.UsageMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Starts runs and sees them through: gives each its secret scope, engines, artifact sink and lazy
 * browser, hands it to the executor, and once the executor has ended it, completes its record
 * ({@link RunFinisher}), delivers its webhook and releases everything it held.
 */
public final class RunLauncher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

    private final RoverServices services;
    private final RunFinisher finisher;
    private final RunnabilityCheck runnability = RunnabilityCheck.fromServiceLoader();
    private final Map<RunId, RunHandle> active = new ConcurrentHashMap<>();
    private final Map<RunId, CompletableFuture<Run>> finishingRuns = new ConcurrentHashMap<>();
    private final Map<RunId, RunResources> running = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private final ExecutorService finishing = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "rover-finish");
        t.setDaemon(true);
        return t;
    });

    public RunLauncher(RoverServices services) {
        this.services = services;
        this.finisher = new RunFinisher(services.runs(), services.files());
    }

    /**
     * Starts a run; the future completes with the run's final record (report written, webhook sent).
     *
     * @throws IllegalArgumentException for anything wrong with the request (unknown engine, parameter,
     *                                  credential, session or profile; a proxy nobody configured); nothing is recorded then
     */
    public CompletableFuture<Run> launch(Workflow workflow, RunId runId, Map<String, Object> parameters, LaunchSettings settings) {
        // the run exists in the store once start() returns, so callers can read it by id at once
        try {
            runnability.requireRunnable(workflow);
        } catch (NotRunnableException e) {
            // refused before any block runs, so nothing is half done
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        checkProxy(workflow, settings);
        String engine = settings.engine() != null ? settings.engine() : services.defaultEngine();
        if (!services.engines().knows(engine)) {
            throw new IllegalArgumentException("unknown engine '" + engine + "'; known engines: " + String.join(", ", services.engines().names()));
        }
        if (settings.browserSessionId() != null && services.sessions().get(settings.browserSessionId()).isEmpty()) {
            throw new IllegalArgumentException("no open browser session " + settings.browserSessionId() + "; open sessions: "
                    + services.sessions().list().stream().map(s -> s.id()).toList());
        }
        if (closed) {
            throw new IllegalStateException("this Rover is closed; build a new one to start runs");
        }
        RunResources resources = resources(workflow, runId, settings, engine);
        CompletableFuture<Run> done = new CompletableFuture<>();
        running.put(runId, resources);
        finishingRuns.put(runId, done);
        done.whenComplete((run, error) -> finishingRuns.remove(runId));
        RunHandle handle;
        try {
            handle = services.executor().start(workflow, runId, runOptions(workflow, parameters, settings, resources));
        } catch (RuntimeException e) {
            running.remove(runId);
            finishingRuns.remove(runId);
            resources.close();
            throw e;
        }
        active.put(runId, handle);
        // attached after active.put, so end() always finds (and removes) what was registered
        handle.future().whenComplete((run, error) -> finishLater(runId, run, error, resources, done));
        return done;
    }

    /** Finishes the run on the finishing pool, or on this thread once the pool no longer takes work (closing). */
    private void finishLater(RunId runId, Run run, Throwable error, RunResources resources, CompletableFuture<Run> done) {
        Runnable finish = () -> {
            try {
                done.complete(end(runId, run, error, resources));
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        };
        try {
            finishing.execute(finish);
        } catch (RejectedExecutionException e) {
            finish.run();
        }
    }

    /** Asks a run to stop (waits for one-time codes included); true when it was active in this process. */
    public boolean cancel(RunId runId) {
        RunResources resources = running.get(runId);
        if (resources != null) {
            resources.codeWaits().cancel();
        }
        RunHandle handle = active.get(runId);
        if (handle != null) {
            handle.cancel();
            return true;
        }
        return services.executor().cancel(runId) || resources != null;
    }

    /** True while the run's record is still being completed (report, webhook) after the executor ended it. */
    public boolean isFinishing(RunId runId) {
        return finishingRuns.containsKey(runId);
    }

    /** Re-sends a run's webhook and records the attempts on it. */
    public Run deliverWebhook(Run run) {
        if (run.webhookUrl() == null || run.webhookUrl().isBlank()) {
            throw new IllegalArgumentException("run " + run.runId() + " has no webhook url to send to");
        }
        List<WebhookAttempt> attempts = new ArrayList<>(run.webhookAttempts());
        int before = attempts.size();
        for (WebhookAttempt a : services.webhooks().send(run.webhookUrl(), run)) {
            attempts.add(new WebhookAttempt(before + a.attempt(), a.at(), a.httpStatus(), a.error()));
        }
        Run updated = run.toBuilder().webhookAttempts(attempts).build();
        services.runs().save(updated);
        return updated;
    }

    private Run end(RunId runId, Run run, Throwable error, RunResources resources) {
        active.remove(runId);
        running.remove(runId);
        try (resources) {
            Run ended = run != null ? run : services.runs().find(runId).orElseThrow(() ->
                    new IllegalStateException("run " + runId + " ended without a record", error));
            Run finished = finisher.finish(ended, resources);
            if (finished.webhookUrl() != null && !finished.webhookUrl().isBlank()) {
                finished = deliverWebhook(finished);
            }
            return finished;
        }
    }

    private RunResources resources(Workflow workflow, RunId runId, LaunchSettings settings, String engine) {
        // options first: they validate the profile and may refuse the run before anything is opened
        BrowserOptions options = browserOptions(workflow, runId, settings);
        SecretScope scope = SecretScope.open(services.clock());
        try {
            StoreArtifacts artifacts = new StoreArtifacts(runId, services.files(), services.runs());
            LlmCallListener recorder = new PromptRecorder(artifacts);
            UsageMeter meter = new UsageMeter(services.budget());
            RunEngines engines = new RunEngines(services.engines(), engine, new RunScope(meter, recorder, scope::redact));
            CredentialOriginGuard origins = new CredentialOriginGuard(scope, services.vault());
            RunBrowserLease browser = new RunBrowserLease(runId, options, services.sessions(), settings.browserSessionId(),
                    services.observeOptions(), origins);
            int scrolls = settings.maxScreenshotScrolls() != null ? settings.maxScreenshotScrolls()
                    : workflow.settings().maxScreenshotScrolls() != null ? workflow.settings().maxScreenshotScrolls() : 3;
            return new RunResources(runId, scope, new ScopeSecrets(scope), artifacts, engines, browser, scrolls, meter,
                    new CancellationToken(), origins);
        } catch (RuntimeException e) {
            scope.close();
            throw e;
        }
    }

    private RunOptions runOptions(Workflow workflow, Map<String, Object> parameters, LaunchSettings settings, RunResources r) {
        BlockRuntime runtime = new BlockRuntime(r.engines(), r.browser(), r.secrets(), r.artifacts(), services.clock(),
                settings.maxStepsPerBlock(), r.maxScreenshotScrolls(), settings.historyInVerification(), workflow.workflowSystemPrompt());
        RunOptions.Builder options = RunOptions.builder()
                .parameters(parameters)
                .service(BlockRuntime.class, runtime)
                .service(CredentialResolver.class, new CredentialPlaceholders(services.vault(), r.scope(), r.runId(),
                        settings.totpIdentifier(), settings.totpUrl(), services.totpCodes(), services.totpUrls(), r.codeWaits(),
                        services.clock(), services.clock().instant().plus(timeLimit(workflow, settings)), r.origins()));
        if (settings.webhookUrl() != null) {
            options.webhookUrl(settings.webhookUrl());
        }
        if (settings.elapsedTimeLimit() != null) {
            options.elapsedTimeOverride(settings.elapsedTimeLimit());
        }
        return options.build();
    }

    private static java.time.Duration timeLimit(Workflow workflow, LaunchSettings settings) {
        return settings.elapsedTimeLimit() != null ? settings.elapsedTimeLimit() : workflow.settings().maxElapsedTime();
    }

    private BrowserOptions browserOptions(Workflow workflow, RunId runId, LaunchSettings settings) {
        BrowserOptions base = services.browserOptions();
        WorkflowSettings ws = workflow.settings();
        if (ws.browserProfileId() != null && !ws.browserProfileId().isBlank()) {
            base = services.profiles().launchOptions(ws.browserProfileId(), base);
        }
        BrowserOptions.Builder b = base.toBuilder().downloadsFolder(services.files().downloadDirectory(runId));
        Map<String, String> headers = new LinkedHashMap<>(base.extraHttpHeaders());
        headers.putAll(ws.extraHttpHeaders());
        headers.putAll(settings.extraHttpHeaders());
        b.extraHttpHeaders(headers);
        if (settings.userAgent() != null) {
            b.userAgent(settings.userAgent());
        }
        if (settings.browserAddress() != null) {
            b.cdpAddress(settings.browserAddress());
        }
        if (requestsProxy(workflow, settings)) {
            b.proxyServer(services.proxyServer());
        }
        return b.build();
    }

    private void checkProxy(Workflow workflow, LaunchSettings settings) {
        if (requestsProxy(workflow, settings) && services.proxyServer() == null) {
            String location = settings.proxyLocation() != null ? settings.proxyLocation() : workflow.settings().proxyLocation();
            throw new IllegalArgumentException("proxy_location " + location + " was requested, but this Rover has no proxy "
                    + "configured; set ROVER_PROXY=http://host:port (or Rover.builder().proxy(...)), or remove proxy_location");
        }
    }

    private static boolean requestsProxy(Workflow workflow, LaunchSettings settings) {
        String location = settings.proxyLocation() != null ? settings.proxyLocation() : workflow.settings().proxyLocation();
        return location != null && !location.isBlank() && !location.equalsIgnoreCase("NONE");
    }

    /** Cancels the runs still active and waits (up to a minute) until each has been finished and recorded. */
    @Override
    public void close() {
        closed = true;
        List.copyOf(active.keySet()).forEach(this::cancel);
        try {
            CompletableFuture.allOf(finishingRuns.values().toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("not every run finished cleanly while closing: {}", e.toString());
        } finally {
            // runs that end later are finished on their own thread (finishLater), never dropped
            finishing.shutdown();
        }
    }
}
