package dev.rover.samples.cli;

import dev.rover.blocks.Rover;
import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code rover runs artifacts ID [--type T]...}: a run's artifacts with where each file is. */
@Command(name = "artifacts", mixinStandardHelpOptions = true, description = "List a run's artifacts.")
public final class RunsArtifactsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Parameters(index = "0", paramLabel = "ID", description = "The run id (tsk_... or wr_...).")
    String runId;

    @Option(names = "--type", paramLabel = "T", description = "Only artifacts of this type (repeatable), e.g. screenshot_action, report.")
    List<String> types = new ArrayList<>();

    @Override
    public Integer call() {
        ArtifactType[] wanted = types.stream().map(ArtifactType::fromWireName).toArray(ArtifactType[]::new);
        PrintWriter out = spec.commandLine().getOut();
        try (Rover rover = data.open()) {
            RunsCommand.find(rover, runId);
            List<ArtifactRecord> artifacts = rover.getRunArtifacts(runId, wanted);
            if (artifacts.isEmpty()) {
                out.println("run " + runId + " has no artifacts" + (types.isEmpty() ? "" : " of type " + String.join(", ", types)));
            }
            for (ArtifactRecord a : artifacts) {
                String place = a.blockLabel() == null ? "-" : a.blockLabel() + (a.step() == null ? "" : " step " + a.step());
                out.printf(Locale.ROOT, "%-30s %-22s %-24s %9d  %s%n", a.artifactId(), a.type().wireName(), place, a.size(),
                        location(a.uri()));
            }
            out.flush();
            return 0;
        }
    }

    /** A local path for {@code file:} URIs, the URI itself otherwise. */
    static String location(String uri) {
        if (uri != null && uri.startsWith("file:")) {
            return Path.of(URI.create(uri)).toString();
        }
        return String.valueOf(uri);
    }
}
