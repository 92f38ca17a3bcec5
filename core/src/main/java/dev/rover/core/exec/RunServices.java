package dev.rover.core.exec;

import dev.rover.core.engine.Engine;
import dev.rover.core.page.RunBrowser;

import java.time.Clock;

/**
 * What a run gives its blocks beyond the {@link BlockContext} itself, typed: the browser (opened on
 * first use, so a workflow of waits never starts Chromium), engines, secrets, the artifact sink and the
 * run's settings. The embedding layer provides one per run through {@link RunResources}.
 */
public interface RunServices {

    /** The run's browser, shared by every block of the run; opened on the first call. */
    RunBrowser browser();

    /**
     * The engine for a block.
     *
     * @param engineName the block's {@code engine}, or null for the run's default
     * @param model      the block's {@code model}, or null for the run's ({@link RunSettings#model()})
     * @throws IllegalArgumentException for an unknown engine, naming the known ones
     */
    Engine engine(String engineName, String model);

    /** Placeholders and redaction for this run. */
    RunSecrets secrets();

    /** Where the run's artifacts go. */
    RunArtifacts artifacts();

    /** The run's settings. */
    RunSettings settings();

    /** The run's clock. */
    Clock clock();

    /**
     * The environment the run's services were configured from (AWS and SMTP settings for the blocks that
     * talk to those services). Default: empty.
     */
    default dev.rover.core.env.EnvironmentVariables environment() {
        return dev.rover.core.env.EnvironmentVariables.of(java.util.Map.of());
    }

    /**
     * The folder the run's downloads are saved in ({@code SKYVERN_DOWNLOAD_DIRECTORY}); empty for runs
     * that keep no files.
     */
    default java.util.Optional<java.nio.file.Path> downloadsFolder() {
        return java.util.Optional.empty();
    }

    /** The run's cached scripts: what blocks replay and where what the agent did is recorded. Default: none. */
    default dev.rover.core.script.RunScripts scripts() {
        return dev.rover.core.script.RunScripts.NONE;
    }

    /** Services of a run that was started without a browser or engines (core's own tests and tools). */
    RunServices NONE = new RunServices() {
        @Override
        public RunBrowser browser() {
            throw unavailable("browser");
        }

        @Override
        public Engine engine(String engineName, String model) {
            throw unavailable("engine");
        }

        @Override
        public RunSecrets secrets() {
            return RunSecrets.NONE;
        }

        @Override
        public RunArtifacts artifacts() {
            throw unavailable("artifact store");
        }

        @Override
        public RunSettings settings() {
            return RunSettings.DEFAULTS;
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        private IllegalStateException unavailable(String what) {
            return new IllegalStateException("this run has no " + what + ": run workflows through dev.rover.Rover, "
                    + "or give the coordinator RunResources that provide one");
        }
    };
}
