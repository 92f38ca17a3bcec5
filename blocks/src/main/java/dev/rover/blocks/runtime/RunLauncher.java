package dev.rover.blocks.runtime;

import dev.rover.browser.BrowserOptions;
import dev.rover.browser.run.RunBrowserLease;
import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowSettings;
import dev.rover.core.engine.RunScope;
import dev.rover.core.error.RoverStateException;
import dev.rover.core.exec.RunAdmission;
import dev.rover.core.exec.RunHandle;
import dev.rover.core.exec.RunOptions;
import dev.rover.core.exec.RunResources;
import dev.rover.core.exec.RunSettings;
import dev.rover.core.run.RunId;
import dev.rover.core.secret.SecretScope;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a request of the facade into a run of the {@link dev.rover.core.exec.RunCoordinator}: checks
 * what can be checked before anything is recorded (runnable blocks, engine, session, proxy), and opens
 * each admitted run's resources (secret scope, engines, artifact sink, lazy browser, credential
 * placeholders) on the run's own cancellation token and deadline. The coordinator owns the run from there.
 */
public final class RunLauncher {

    private final RoverServices services;
    private final RunFinisher finisher;
    private final WorkflowSessions workflowSessions = new WorkflowSessions();

    public RunLauncher(RoverServices services) {
        this.services = services;
        this.finisher = new RunFinisher(services.runs(), services.files(), services.folders());
    }

    /**
     * Starts a run; it is recorded ({@code queued}) when this returns.
     *
     * @throws dev.rover.core.exec.NotRunnableException when a block or parameter type cannot run here
     * @throws IllegalArgumentException for anything else wrong with the request (unknown engine, parameter,
     *                                  credential, session or profile; a proxy nobody configured); nothing is recorded then
     */
    public RunHandle launch(Workflow workflow, RunId runId, Map<String, Object> parameters, LaunchSettings settings) {
        return launch(workflow, runId, parameters, settings, null);
    }

    /** As {@link #launch(Workflow, RunId, Map, LaunchSettings)}, continuing a paused run when {@code continuation} is set. */
    public RunHandle launch(Workflow workflow, RunId runId, Map<String, Object> parameters, LaunchSettings settings,
                            dev.rover.core.exec.RunContinuation continuation) {
        if (services.coordinator().isClosed()) {
            throw new RoverStateException("this Rover is closed; build a new one to start runs");
        }
        services.coordinator().blockTypes().requireRunnable(workflow);
        checkProxy(workflow, settings);
        String engine = settings.engine() != null ? settings.engine() : services.defaultEngine();
        if (!services.engines().knows(engine)) {
            throw new IllegalArgumentException("unknown engine '" + engine + "'; known engines: " + String.join(", ", services.engines().names()));
        }
        services.engines().whyUnavailable(engine).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        settings = workflowSessions.settingsFor(workflow, settings, services.sessions(), services.browserOptions());
        if (settings.browserSessionId() != null && services.sessions().get(settings.browserSessionId()).isEmpty()) {
            throw new IllegalArgumentException("no open browser session " + settings.browserSessionId() + "; open sessions: "
                    + services.sessions().list().stream().map(s -> s.id()).toList());
        }
        // options first: they validate the profile and may refuse the run before anything is opened
        BrowserOptions browserOptions = browserOptions(workflow, runId, settings);
        RunSettings runSettings = runSettings(workflow, settings, engine);
        LaunchSettings launch = settings;
        RunOptions.Builder options = RunOptions.builder()
                .parameters(parameters == null ? Map.of() : parameters)
                .budget(services.budget())
                .resources(admission -> WorkflowSessions.naming(workflow, launch,
                        bypassingProxy(workflow, launch, open(admission, browserOptions, runSettings, launch)
                                .withScripts(scripts(workflow, admission.runId(), launch)))));
        options.continuation(continuation);
        if (settings.webhookUrl() != null) {
            options.webhookUrl(settings.webhookUrl());
        }
        if (settings.elapsedTimeLimit() != null) {
            options.elapsedTimeOverride(settings.elapsedTimeLimit());
        }
        return services.coordinator().start(workflow, runId, options.build());
    }

    /** The run's cached scripts: its run_with and ai_fallback beat the workflow's. */
    private RunScriptSession scripts(Workflow workflow, RunId runId, LaunchSettings settings) {
        WorkflowSettings ws = workflow.settings();
        WorkflowSettings.RunWith runWith = settings.runWith() != null ? settings.runWith() : ws.runWith();
        boolean aiFallback = settings.aiFallback() != null ? settings.aiFallback() : ws.aiFallback();
        return new RunScriptSession(services.scripts(), dev.rover.blocks.replay.ScriptKeys.workflow(workflow), runId.value(),
                runWith == WorkflowSettings.RunWith.CODE, aiFallback)
                .publishing(settings.publishWorkflow() ? workflow : null,
                        new WorkflowPublisher(services.workflows(), services.home().subdirectory("workflows")));
    }

    private RunOfRover open(RunAdmission admission, BrowserOptions browserOptions, RunSettings runSettings,
                              LaunchSettings settings) {
        SecretScope scope = SecretScope.open(services.clock());
        try {
            RunId runId = admission.runId();
            StoreArtifacts artifacts = new StoreArtifacts(runId, services.files(), services.runs());
            RunEngines engines = new RunEngines(services.engines(), runSettings.engine(), runSettings.model(),
                    new RunScope(admission.meter(), new PromptRecorder(artifacts), scope::redact));
            CredentialOriginGuard origins = new CredentialOriginGuard(scope, services.vault());
            RunBrowserLease browser = new RunBrowserLease(runId, browserOptions, services.sessions(), settings.browserSessionId(),
                    services.observeOptions(), origins);
            CredentialPlaceholders credentials = new CredentialPlaceholders(services.vault(), scope, runId,
                    settings.totpIdentifier(), settings.totpUrl(), services.totpCodes(), services.totpUrls(),
                    admission.cancellation(), admission.clock(), admission.deadline(), origins)
                    .withVendorSecrets(new VendorSecrets(services.vault(), scope, services.environment(), origins));
            return new RunOfRover(runId, scope, artifacts, engines, browser, runSettings, credentials, finisher,
                    services.clock(), origins).withFiles(services.environment(), services.folders().downloads(runId));
        } catch (RuntimeException e) {
            scope.close();
            throw e;
        }
    }

    private static RunSettings runSettings(Workflow workflow, LaunchSettings settings, String engine) {
        WorkflowSettings ws = workflow.settings();
        return RunSettings.builder()
                .engine(engine)
                .model(settings.model() != null ? settings.model() : ws.modelName())
                .maxStepsPerBlock(settings.maxStepsPerBlock())
                .maxScreenshotScrolls(settings.maxScreenshotScrolls() != null ? settings.maxScreenshotScrolls()
                        : ws.maxScreenshotScrolls() != null ? ws.maxScreenshotScrolls() : 3)
                .historyInVerification(settings.historyInVerification())
                .systemPrompt(workflow.workflowSystemPrompt())
                .build();
    }

    private BrowserOptions browserOptions(Workflow workflow, RunId runId, LaunchSettings settings) {
        BrowserOptions base = services.browserOptions();
        WorkflowSettings ws = workflow.settings();
        if (ws.browserProfileId() != null && !ws.browserProfileId().isBlank()) {
            base = services.profiles().launchOptions(ws.browserProfileId(), base);
        }
        BrowserOptions.Builder b = base.toBuilder().downloadsFolder(services.folders().downloads(runId));
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
        if (ws.trace() != null) {
            b.trace(ws.trace());
        }
        return b.build();
    }

    private void checkProxy(Workflow workflow, LaunchSettings settings) {
        if (requestsProxy(workflow, settings) && services.proxyServer() == null && !services.proxyDirect()) {
            String location = proxyLocation(workflow, settings);
            throw new IllegalArgumentException("proxy_location " + location + " was requested, but this Rover has no proxy "
                    + "configured; to go on, give a proxy (--proxy http://host:port, ROVER_PROXY, or Rover.builder().proxy(...)), "
                    + "or run direct with a warning on the run (--no-proxy, or Rover.builder().proxyPolicy(ProxyPolicy.DIRECT))");
        }
    }

    /** The run's resources, recording that the proxy was skipped when the run goes direct by policy. */
    private RunResources bypassingProxy(Workflow workflow, LaunchSettings settings, RunResources resources) {
        if (requestsProxy(workflow, settings) && services.proxyServer() == null && services.proxyDirect()) {
            String location = proxyLocation(workflow, settings);
            return new ProxyBypass(resources, location);
        }
        return resources;
    }

    /** The run's proxy_location over the workflow's. */
    private static String proxyLocation(Workflow workflow, LaunchSettings settings) {
        return settings.proxyLocation() != null ? settings.proxyLocation() : workflow.settings().proxyLocation();
    }

    private static boolean requestsProxy(Workflow workflow, LaunchSettings settings) {
        String location = proxyLocation(workflow, settings);
        return location != null && !location.isBlank() && !location.equalsIgnoreCase("NONE");
    }
}
