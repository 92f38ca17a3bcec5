package dev.rover.core.store;

import dev.rover.core.run.RunId;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The local folders of a run under {@code <home>/runs/<run_id>/}: where the browser saves downloads and
 * writes its trace while the run goes on, before they become artifacts. Whatever store keeps the
 * artifacts, these folders are local to the process running the run.
 */
public final class RunFolders {

    private static final Pattern SAFE_RUN_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private final RoverHome home;

    public RunFolders(RoverHome home) {
        this.home = Objects.requireNonNull(home, "home");
    }

    /**
     * {@code <home>/runs/<run_id>}, created if missing.
     *
     * @throws IllegalArgumentException when the run id could leave the runs folder
     */
    public Path run(RunId runId) {
        Objects.requireNonNull(runId, "runId");
        if (!SAFE_RUN_ID.matcher(runId.value()).matches()) {
            throw new IllegalArgumentException("run id '" + runId.value()
                    + "' cannot name a folder: only letters, digits, '_' and '-' are allowed");
        }
        return create(home.runs().resolve(runId.value()));
    }

    /** Where the browser saves the run's downloads, created if missing. */
    public Path downloads(RunId runId) {
        return create(run(runId).resolve("downloads"));
    }

    /** Where the run's recording is written before it is stored as an artifact. */
    public Path recording(RunId runId) {
        return run(runId).resolve("recording.zip");
    }

    /** The folder of the runs of this home. */
    public Path runs() {
        return home.runs();
    }

    /** Creates the folder owner-only (screenshots and downloads can show private data). */
    private static Path create(Path dir) {
        try {
            return PrivateFiles.directory(dir, false);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot create the run folder " + dir + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}
