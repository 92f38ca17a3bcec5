package dev.rover.core.exec;

import dev.rover.core.engine.Engine;
import dev.rover.core.page.RunBrowser;

import java.time.Clock;

/** Run services with fixed settings and no browser or engine, for the coordinator's own tests. */
final class FixedServices implements RunServices {

    private final RunSettings settings;
    private final Engine engine;

    FixedServices(RunSettings settings) {
        this(settings, null);
    }

    /** Services whose every engine is {@code engine}. */
    FixedServices(RunSettings settings, Engine engine) {
        this.settings = settings;
        this.engine = engine;
    }

    @Override
    public RunBrowser browser() {
        return NONE.browser();
    }

    @Override
    public Engine engine(String engineName, String model) {
        return engine != null ? engine : NONE.engine(engineName, model);
    }

    @Override
    public RunSecrets secrets() {
        return RunSecrets.NONE;
    }

    @Override
    public RunArtifacts artifacts() {
        return NONE.artifacts();
    }

    @Override
    public RunSettings settings() {
        return settings;
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }
}
