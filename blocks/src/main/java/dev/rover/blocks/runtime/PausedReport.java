package dev.rover.blocks.runtime;

import dev.rover.blocks.report.RunReport;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import dev.rover.core.store.PrivateFiles;
import dev.rover.core.store.RunFolders;
import dev.rover.core.store.RunStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The HTML report of a run paused for a person, written on request to {@code report-paused.html} in the
 * run's folder: a run's report artifact is written only when it ends, but while it waits the person
 * deciding wants to see what it did so far and what it awaits. It shows what the store holds, the same as
 * {@code runs show}, and is not recorded as an artifact (the final report still is).
 */
public final class PausedReport {

    /** The file name in the run's folder. */
    public static final String FILE_NAME = "report-paused.html";

    private PausedReport() {
    }

    /** Writes the report of the run if it is paused and returns its path; empty for any other status. */
    public static Optional<Path> write(Run run, RunStore runs, RunFolders folders) {
        if (run.status() != RunStatus.PAUSED || folders == null) {
            return Optional.empty();
        }
        String html = RunReport.render(run, runs.timeline(run.runId()), null, null, id -> Optional.empty(),
                runs.artifacts(run.runId(), Set.of()));
        Path file = folders.run(run.runId()).resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                PrivateFiles.createFile(file);
            }
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report of paused run " + run.runId() + " to " + file
                    + ": " + e.getMessage(), e);
        }
        return Optional.of(file);
    }
}
