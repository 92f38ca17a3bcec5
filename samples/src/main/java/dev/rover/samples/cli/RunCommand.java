package dev.rover.samples.cli;

import dev.rover.ProxyPolicy;
import dev.rover.Rover;
import dev.rover.WorkflowRunOptions;
import dev.rover.core.definition.DefinitionException;
import dev.rover.core.definition.DefinitionProblem;
import dev.rover.core.text.PrintableText;
import dev.rover.core.definition.UrlCheck;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
            description = "A workflow parameter value (repeatable, once per key). A credential_id may be the credential's id or name.")
    List<String> params = new ArrayList<>();

    @Option(names = "--engine", paramLabel = "NAME",
            description = "Engine for blocks that name none (offline, llm, or a Skyvern engine name).")
    String engine;

    @Option(names = "--allow-file-urls",
            description = "Let the run open file: URLs (only http and https are opened otherwise). Only for trusted files.")
    boolean allowFileUrls;

    @Option(names = "--json", description = "Print the final run response as JSON on stdout.")
    boolean json;

    @Mixin
    ReplayOption replay;

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
        Map<String, Object> values = parameterValues(params);
        replay.mode();
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
            err.println(PrintableText.of(e.getMessage()));
            err.flush();
            return RoverCli.EXIT_USER_ERROR;
        }
        List<DefinitionProblem> refused = UrlCheck.refusedFileUrls(workflow, allowFileUrls);
        if (!refused.isEmpty()) {
            refused.forEach(err::println);
            err.flush();
            return RoverCli.EXIT_USER_ERROR;
        }
        if (proxy != null && noProxy) {
            err.println("--proxy and --no-proxy contradict each other; give one");
            err.flush();
            return RoverCli.EXIT_USER_ERROR;
        }
        Rover opened = data.open(new ProgressPrinter(err), builder -> {
            builder.allowFileUrls(allowFileUrls);
            if (proxy != null) {
                builder.proxy(proxy);
            }
            return noProxy ? builder.proxyPolicy(ProxyPolicy.DIRECT) : builder;
        });
        try (CancelOnSignal guarded = CancelOnSignal.guard(opened, err)) {
            Rover rover = guarded.rover();
            WorkflowRunOptions.Builder options = WorkflowRunOptions.builder().engine(engine).waitForCompletion(true)
                    .timeout(WAIT_LIMIT).runWith(replay.mode());
            options.aiFallback(replay.aiFallback());
            Run run = rover.runWorkflow(workflow, values, options.build());
            return RunSummary.print(rover, run, json, out);
        }
    }

    /**
     * The {@code --param KEY=VALUE} arguments as a map; a key given twice is refused rather than the
     * last one silently winning.
     *
     * @throws IllegalArgumentException for an argument without '=' or a repeated key (a usage error)
     */
    static Map<String, Object> parameterValues(List<String> arguments) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String argument : arguments) {
            int eq = argument.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--param '" + argument + "' must be KEY=VALUE");
            }
            String key = argument.substring(0, eq);
            if (values.putIfAbsent(key, argument.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("--param '" + key + "' is given more than once; give each parameter once");
            }
        }
        return values;
    }
}
