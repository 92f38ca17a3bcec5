package dev.rover.blocks.runtime;

import dev.rover.browser.run.RunBrowserLease;
import dev.rover.core.engine.Engine;
import dev.rover.core.exec.CredentialResolver;
import dev.rover.core.exec.RunArtifacts;
import dev.rover.core.exec.RunResources;
import dev.rover.core.exec.RunSecrets;
import dev.rover.core.exec.RunServices;
import dev.rover.core.exec.RunSettings;
import dev.rover.core.page.RunBrowser;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.secret.SecretScope;

import java.time.Clock;

/**
 * What one run of a {@link dev.rover.Rover} holds while it runs and gives back when it ends: its
 * secret scope, artifact sink, engines (and the usage meter they share), lazily opened browser and
 * settings. The coordinator completes the run's record through it ({@link RunFinisher}) and then closes it.
 */
final class RunOfRover implements RunResources, RunServices {

    private final RunId runId;
    private final SecretScope scope;
    private final ScopeSecrets secrets;
    private final StoreArtifacts artifacts;
    private final RunEngines engines;
    private final RunBrowserLease browser;
    private final RunSettings settings;
    private final CredentialResolver credentials;
    private final RunFinisher finisher;
    private final Clock clock;

    RunOfRover(RunId runId, SecretScope scope, StoreArtifacts artifacts, RunEngines engines, RunBrowserLease browser,
               RunSettings settings, CredentialResolver credentials, RunFinisher finisher, Clock clock,
               CredentialOriginGuard origins) {
        this.runId = runId;
        this.scope = scope;
        this.secrets = new ScopeSecrets(scope, origins);
        this.artifacts = artifacts;
        this.engines = engines;
        this.browser = browser;
        this.settings = settings;
        this.credentials = credentials;
        this.finisher = finisher;
        this.clock = clock;
    }

    RunId runId() {
        return runId;
    }

    RunBrowserLease browserLease() {
        return browser;
    }

    StoreArtifacts storeArtifacts() {
        return artifacts;
    }

    @Override
    public RunServices services() {
        return this;
    }

    @Override
    public CredentialResolver credentials() {
        return credentials;
    }

    @Override
    public Run complete(Run ending) {
        return finisher.finish(ending, this);
    }

    @Override
    public RunBrowser browser() {
        return browser.get();
    }

    @Override
    public Engine engine(String engineName, String model) {
        return engines.select(engineName, model);
    }

    @Override
    public RunSecrets secrets() {
        return secrets;
    }

    @Override
    public RunArtifacts artifacts() {
        return artifacts;
    }

    @Override
    public RunSettings settings() {
        return settings;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    private RunScriptSession scripts;

    /** This run with its cached scripts. */
    RunOfRover withScripts(RunScriptSession session) {
        this.scripts = session;
        return this;
    }

    @Override
    public dev.rover.core.script.RunScripts scripts() {
        return scripts == null ? dev.rover.core.script.RunScripts.NONE : scripts;
    }

    /** The run's script session, or null when it keeps no scripts. */
    RunScriptSession scriptSession() {
        return scripts;
    }

    private dev.rover.core.env.EnvironmentVariables environment = dev.rover.core.env.EnvironmentVariables.of(java.util.Map.of());
    private java.nio.file.Path downloads;

    /** This run with the environment its service blocks read and its downloads folder. */
    RunOfRover withFiles(dev.rover.core.env.EnvironmentVariables environment, java.nio.file.Path downloads) {
        this.environment = environment;
        this.downloads = downloads;
        return this;
    }

    @Override
    public dev.rover.core.env.EnvironmentVariables environment() {
        return environment;
    }

    @Override
    public java.util.Optional<java.nio.file.Path> downloadsFolder() {
        return java.util.Optional.ofNullable(downloads);
    }

    @Override
    public void close() {
        try {
            engines.close();
        } finally {
            try {
                browser.close();
            } finally {
                scope.close();
            }
        }
    }
}
