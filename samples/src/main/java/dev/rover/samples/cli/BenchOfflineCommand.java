package dev.rover.samples.cli;

import dev.rover.samples.offline.OfflineBench;
import dev.rover.samples.offline.PhrasingCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rover bench offline}: the offline engine's phrasing corpus, run through the agent loop in one headless Chromium. */
@Command(name = "offline", mixinStandardHelpOptions = true,
        description = {"Run the offline engine's phrasing corpus (instructions as people write them, on small local pages)",
                "and judge each run by the page it leaves.",
                "The last line is RESULT offline_success=... wrong_completions=... refusals=..."})
public final class BenchOfflineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", description = "Print every case with its verdict and the engine's reason.")
    boolean verbose;

    @Override
    public Integer call() {
        List<PhrasingCorpus.Case> cases = PhrasingCorpus.load();
        try (PrintStream out = WriterStream.to(spec.commandLine().getOut())) {
            out.println("offline phrasing corpus: " + cases.size() + " instructions on "
                    + cases.stream().map(PhrasingCorpus.Case::page).distinct().count() + " pages");
            OfflineBench.Summary summary = new OfflineBench().run(cases, verbose ? out : null);
            if (!verbose) {
                summary.results().stream().filter(r -> r.verdict() != OfflineBench.Verdict.SUCCESS
                                && r.verdict() != OfflineBench.Verdict.REFUSED_AS_EXPECTED)
                        .forEach(r -> out.println(r.verdict() + " #" + r.kase().number() + " " + r.kase().goal().replace('\n', ' ')
                                + "\n    -> " + r.detail().replace('\n', ' ')));
            }
            out.println(summary.resultLine());
        }
        return 0;
    }
}
