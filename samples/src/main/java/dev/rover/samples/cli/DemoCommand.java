package dev.rover.samples.cli;

import dev.rover.Rover;
import dev.rover.RoverBuilder;
import dev.rover.WorkflowRunOptions;
import dev.rover.core.definition.Parameter;
import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowLoader;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import dev.rover.samples.demo.DemoAccount;
import dev.rover.samples.demo.DemoSite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code rover demo}: the first thing a new user runs. Starts the demo vendor portal on 127.0.0.1,
 * stores its login in a throwaway data directory, and runs every sample workflow against it with
 * the offline engine (no API key), showing progress, each run's output and its report.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {"Run the sample workflows against the embedded demo portal with the offline engine.",
                "Exit status: 0 when every run completed, 1 otherwise."})
public final class DemoCommand implements Callable<Integer> {

    /** The name the demo login is stored under; the workflows' {@code credentials} parameter names it. */
    static final String CREDENTIAL_NAME = "demo-portal";

    @Spec
    CommandSpec spec;

    @Option(names = "--clean", description = "Delete the temporary data directory (runs, artifacts, reports) after the demo.")
    boolean clean;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<SampleWorkflows.Sample> samples = SampleWorkflows.load();
        Path dataDir = Files.createTempDirectory("rover-demo-");
        List<Run> runs = new ArrayList<>();
        try {
            runs.addAll(runAll(samples, dataDir, out, err));
        } finally {
            if (clean) {
                deleteTree(dataDir);
            }
        }
        long completed = runs.stream().filter(r -> r.status() == RunStatus.COMPLETED).count();
        out.println();
        out.println(completed + " of " + samples.size() + " sample runs completed.");
        if (clean) {
            out.println("The data directory " + dataDir + " was deleted, with the reports above.");
        } else {
            out.println("Open a report above in a browser, or look around with");
            out.println("  ./rover runs list --data-dir " + dataDir);
            out.println("(a temporary directory; `./rover demo --clean` deletes it at the end)");
        }
        out.flush();
        return completed == samples.size() ? 0 : RunSummary.EXIT_NOT_COMPLETED;
    }

    private List<Run> runAll(List<SampleWorkflows.Sample> samples, Path dataDir, PrintWriter out, PrintWriter err)
            throws IOException {
        RoverSetup setup = setup();
        DemoAccount account = DemoAccount.standard();
        Path attachment = Files.writeString(dataDir.resolve("demo-attachment.txt"),
                "Invoice questions for the Acme vendor portal, attached by rover demo.\n");
        List<Run> runs = new ArrayList<>();
        try (DemoSite site = DemoSite.start(account);
             Rover rover = new RoverSetup(setup.environment(), b -> setup.customizer().apply(b.defaultEngine(RoverBuilder.OFFLINE)))
                     .open(dataDir, new ProgressPrinter(err))) {
            rover.credentials().addPassword(CREDENTIAL_NAME, account.username(), account.password(), account.totpSecret());
            out.println("Demo portal at " + site.url() + "; data in " + rover.dataDirectory());
            Map<String, Object> values = Map.of("portal_url", site.url(), "credentials", CREDENTIAL_NAME,
                    "attachment", attachment.toString());
            for (SampleWorkflows.Sample sample : samples) {
                Workflow workflow = new WorkflowLoader().load(sample.content(), "workflows/" + sample.fileName());
                out.println();
                out.println("=== " + workflow.title() + " (" + sample.fileName() + ") ===");
                out.flush();
                Run run = rover.runWorkflow(workflow, parametersFor(workflow, values),
                        WorkflowRunOptions.builder().engine(RoverBuilder.OFFLINE).waitForCompletion(true)
                                .timeout(RunCommand.WAIT_LIMIT).build());
                err.flush();
                RunSummary.printHuman(run, rover.reportPath(run.runId().toString()), out);
                out.flush();
                runs.add(run);
            }
        }
        return runs;
    }

    /** The demo values of the parameters this workflow declares; the others keep their defaults. */
    static Map<String, Object> parametersFor(Workflow workflow, Map<String, Object> values) {
        Set<String> declared = workflow.parameters().stream().map(Parameter::key).collect(Collectors.toSet());
        Map<String, Object> chosen = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (declared.contains(key)) {
                chosen.put(key, value);
            }
        });
        return chosen;
    }

    private RoverSetup setup() {
        Object root = spec.root().userObject();
        return root instanceof RoverCli cli ? cli.setup() : RoverSetup.fromProcess();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the demo data directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
