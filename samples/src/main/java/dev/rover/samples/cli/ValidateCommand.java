package dev.rover.samples.cli;

import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.definition.DefinitionException;
import dev.rover.core.definition.DefinitionProblem;
import dev.rover.core.definition.Parameter;
import dev.rover.core.text.PrintableText;
import dev.rover.core.definition.TemplateCheck;
import dev.rover.core.exec.RunnabilityCheck;
import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code rover validate FILE...}: loads each workflow definition without running it, prints a
 * one-line summary, a warning for each block or parameter type this installation cannot run and for
 * each name a template reads that nothing defines, or every problem as {@code FILE:LINE:COL: path: message} on stderr.
 */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {"Check workflow definition files (YAML or JSON) without running them.",
                "Exit status: 0 when every file loads, 2 when any is malformed or unreadable."})
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Workflow definition files.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WorkflowLoader loader = new WorkflowLoader();
        RunnabilityCheck check = RunnabilityCheck.fromServiceLoader(ValidateCommand.class.getClassLoader());
        boolean allLoaded = true;
        for (Path file : files) {
            try {
                Workflow workflow = loader.load(file);
                out.println(PrintableText.of(summary(file, workflow)));
                for (RunnabilityCheck.Unsupported unsupported : check.check(workflow)) {
                    out.println(PrintableText.of(unsupported.position() + ": warning: " + unsupported.reason()));
                }
                for (TemplateCheck.UnknownName unknown : TemplateCheck.unknownNames(workflow)) {
                    out.println(PrintableText.of(unknown.position() + ": warning: " + unknown.reason()));
                }
                proxyWarning(file, workflow).ifPresent(out::println);
            } catch (DefinitionException e) {
                allLoaded = false;
                for (DefinitionProblem problem : e.problems()) {
                    err.println(problem);
                }
            } catch (UncheckedIOException e) {
                allLoaded = false;
                err.println(PrintableText.of(e.getMessage()));
            }
        }
        out.flush();
        err.flush();
        return allLoaded ? 0 : RoverCli.EXIT_USER_ERROR;
    }

    /**
     * A warning when the workflow asks for a proxy location and no proxy is configured ({@code ROVER_PROXY}):
     * such runs are refused unless the user gives a proxy or runs direct.
     */
    private java.util.Optional<String> proxyWarning(Path file, Workflow workflow) {
        String location = workflow.settings().proxyLocation();
        if (location == null || location.isBlank() || location.equalsIgnoreCase("NONE")) {
            return java.util.Optional.empty();
        }
        Object root = spec.root().userObject();
        RoverSetup setup = root instanceof RoverCli cli ? cli.setup() : RoverSetup.fromProcess();
        if (setup.variable("ROVER_PROXY").isPresent()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(file + ": warning: proxy_location " + location + " is set and no proxy is configured; "
                + "`rover run` refuses it unless you give --proxy http://host:port (or ROVER_PROXY), or --no-proxy to run "
                + "direct with a warning on the run");
    }

    /** {@code file: "Title", version 1, 4 blocks: login 1, navigation 1, extraction 1, for_loop 1; 3 parameters}. */
    static String summary(Path file, Workflow workflow) {
        Map<String, Integer> byType = new LinkedHashMap<>();
        for (BlockDefinition block : workflow.blocks()) {
            byType.merge(block.blockType(), 1, Integer::sum);
        }
        String types = byType.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        int blocks = workflow.blocks().size();
        int nested = workflow.allBlocks().size() - blocks;
        long parameters = workflow.parameters().stream().filter(p -> !(p instanceof Parameter.OutputParameter)).count();
        return file + ": \"" + workflow.title() + "\", version " + workflow.version() + ", "
                + count(blocks, "block") + (types.isEmpty() ? "" : ": " + types)
                + (nested > 0 ? " (+" + nested + " inside loops)" : "")
                + "; " + count(parameters, "parameter");
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
