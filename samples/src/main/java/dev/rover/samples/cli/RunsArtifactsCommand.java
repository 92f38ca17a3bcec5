package dev.rover.samples.cli;

import dev.rover.Rover;
import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code rover runs artifacts ID [--type T]...}: a run's artifacts with where each file is. */
@Command(name = "artifacts", mixinStandardHelpOptions = true, description = "List a run's artifacts.")
public final class RunsArtifactsCommand extends SingleRunCommand {

    @Option(names = "--type", paramLabel = "T", description = "Only artifacts of this type (repeatable), e.g. screenshot_action, report.")
    List<String> types = new ArrayList<>();

    @Override
    int print(Rover rover, Run run, PrintWriter out, PrintWriter err) {
        ArtifactType[] wanted = types.stream().map(ArtifactType::fromWireName).toArray(ArtifactType[]::new);
        List<ArtifactRecord> artifacts = rover.getRunArtifacts(runId, wanted);
        if (artifacts.isEmpty()) {
            out.println("run " + runId + " has no artifacts" + (types.isEmpty() ? "" : " of type " + String.join(", ", types)));
        }
        for (ArtifactRecord a : artifacts) {
            String place = a.blockLabel() == null ? "-" : a.blockLabel() + (a.step() == null ? "" : " step " + a.step());
            out.printf(Locale.ROOT, "%-30s %-22s %-24s %9d  %s%n", a.artifactId(), a.type().wireName(), place, a.size(),
                    location(a.uri()));
        }
        return 0;
    }

    /** A local path for {@code file:} URIs, the URI itself otherwise. */
    static String location(String uri) {
        if (uri != null && uri.startsWith("file:")) {
            return Path.of(URI.create(uri)).toString();
        }
        return String.valueOf(uri);
    }
}
