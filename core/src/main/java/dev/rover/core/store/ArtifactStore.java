package dev.rover.core.store;

import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.RunId;

import java.io.IOException;
import java.nio.file.Path;

/** Keeps artifact contents (screenshots, prompts, traces, reports) and tells where they are. */
public interface ArtifactStore {

    /**
     * Stores content for a run and returns its record (not yet added to a {@link RunStore}).
     *
     * @param fileName a name for the file (for example {@code step-3-action-1.png}); made unique if needed
     */
    ArtifactRecord put(RunId runId, ArtifactType type, String blockLabel, Integer step, String fileName,
                       String contentType, byte[] content) throws IOException;

    /** Stores a file that already exists (a trace, a download) by moving or copying it in. */
    ArtifactRecord putFile(RunId runId, ArtifactType type, String blockLabel, Integer step, Path file,
                           String contentType) throws IOException;

    /**
     * Where an artifact's content is on disk.
     *
     * @throws IllegalArgumentException when the artifact is not a local file of this store
     */
    Path pathOf(ArtifactRecord artifact);

    /** The content of an artifact. */
    byte[] read(ArtifactRecord artifact) throws IOException;

    /** The folder of a run's files (artifacts, downloads). */
    Path runDirectory(RunId runId);

    /** The folder where the browser saves the run's downloads (inside {@link #runDirectory(RunId)}), created if missing. */
    Path downloadDirectory(RunId runId);
}
