package dev.rover.samples.cli;

import dev.rover.ProxyPolicy;
import dev.rover.Rover;
import dev.rover.WorkflowRunOptions;
import dev.rover.core.definition.DefinitionException;
import dev.rover.core.definition.DefinitionProblem;
import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowLoader;
import dev.rover.core.run.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code rover run FILE}: runs a workflow definition and waits for it, showing progress on stderr
 * and the outcome on stdout (a summary, or the run response with {@code --json}).
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {"Run a workflow file (YAML or JSON) and wait for it to end.",
                "Exit status: 0 when the run completed, 1 when it ended otherwise, 2 for a bad file or bad parameters."})
public final class RunCommand implements Callable<Integer> {

    /** How long the command waits for a run; the workflow's own time limit normally ends it first. */
    static final Duration WAIT_LIMIT = Duration.ofHours(24);

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Parameters(index = "0", paramLabel = "FILE", description = "The workflow definition.")
    Path file;

    @Option(names = "--param", paramLabel = "KEY=VALUE",
            description = "A workflow parameter value (repeatable). A credential_id may be the credential's id or name.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--engine", paramLabel = "NAME",
            description = "Engine for blocks that name none (offline, llm, or a Skyvern engine name).")
    String engine;

    @Option(names = "--json", description = "Print the final run response as JSON on stdout.")
    boolean json;

    @Option(names = "--proxy", paramLabel = "URL",
            description = "The proxy (http://host:port) for a workflow that sets proxy_location (default: $ROVER_PROXY).")
    String proxy;

    @Option(names = "--no-proxy",
            description = "Run a workflow that sets proxy_location without a proxy when none is configured; the run records a warning.")
    boolean noProxy;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Workflow workflow;
        try {
            workflow = new WorkflowLoader().load(file);
        } catch (DefinitionException e) {
            for (DefinitionProblem problem : e.problems()) {
                err.println(problem);
            }
            err.flush();
            return RoverCli.EXIT_USER_ERROR;
        } catch (UncheckedIOException e) {
            err.println(e.getMessage());
            err.flush();
            return RoverCli.EXIT_USER_ERROR;
        }
        if (proxy != null && noProxy) {
            err.println("--proxy and --no-proxy contradict each other; give one");
            err.flush();
            return RoverCli.EXIT_USER_ERROR;
        }
        try (Rover rover = data.open(new ProgressPrinter(err), builder -> {
            if (proxy != null) {
                builder.proxy(proxy);
            }
            return noProxy ? builder.proxyPolicy(ProxyPolicy.DIRECT) : builder;
        })) {
            WorkflowRunOptions options = WorkflowRunOptions.builder().engine(engine).waitForCompletion(true)
                    .timeout(WAIT_LIMIT).build();
            Run run = rover.runWorkflow(workflow, new LinkedHashMap<>(params), options);
            return RunSummary.print(rover, run, json, out);
        }
    }
}
