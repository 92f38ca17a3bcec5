package dev.rover.samples.cli;

import dev.rover.core.definition.WorkflowSettings.RunWith;
import picocli.CommandLine.Option;

/**
 * The cached-replay options of {@code run} and {@code task}: {@code --run-with code|agent} (over the workflow's
 * {@code run_with}) and {@code --no-ai-fallback}.
 */
final class ReplayOption {

    @Option(names = "--run-with", paramLabel = "code|agent",
            description = "code: replay each block's cached script without the engine (the agent runs and records blocks "
                    + "without one); agent: ask the engine every step. Default: the workflow's run_with (agent).")
    String runWith;

    @Option(names = "--no-ai-fallback",
            description = "With --run-with code, fail a block whose replay no longer matches the page instead of letting the agent take over.")
    boolean noAiFallback;

    /** The chosen mode, or null for the workflow's. */
    RunWith mode() {
        if (runWith == null) {
            return null;
        }
        RunWith parsed = RunWith.parse(runWith.strip().toLowerCase(java.util.Locale.ROOT));
        if (parsed == null) {
            throw new IllegalArgumentException("--run-with '" + runWith + "' is not a mode; give code or agent");
        }
        return parsed;
    }

    /** False with {@code --no-ai-fallback}, else null (the workflow's). */
    Boolean aiFallback() {
        return noAiFallback ? Boolean.FALSE : null;
    }
}
