package dev.rover.core.store;

import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.RunId;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps artifact contents (screenshots, prompts, traces, reports, downloads) as streams addressed by
 * the URI in each {@link ArtifactRecord}: {@code file:} URIs for {@link FileArtifactStore}, any scheme
 * for another implementation (an object store, say). Records are added to a {@link RunStore} by the caller.
 */
public interface ArtifactStore {

    /**
     * Stores content for a run, reading the stream to its end (the caller closes it), and returns its record.
     *
     * @param fileName a name for the content (for example {@code step-3-action-1.png}); made unique if needed
     */
    ArtifactRecord put(RunId runId, ArtifactType type, String blockLabel, Integer step, String fileName,
                       String contentType, InputStream content) throws IOException;

    /** Stores content held in memory. */
    default ArtifactRecord put(RunId runId, ArtifactType type, String blockLabel, Integer step, String fileName,
                               String contentType, byte[] content) throws IOException {
        return put(runId, type, blockLabel, step, fileName, contentType, new ByteArrayInputStream(content));
    }

    /**
     * Stores a local file (a trace, a download). The default streams it in and leaves the file alone;
     * a store that keeps files locally may move it in instead.
     */
    default ArtifactRecord putFile(RunId runId, ArtifactType type, String blockLabel, Integer step, Path file,
                                   String contentType) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return put(runId, type, blockLabel, step, String.valueOf(file.getFileName()), contentType, in);
        }
    }

    /**
     * Opens an artifact's content; the caller closes the stream.
     *
     * @throws IOException when the content is gone or is not this store's
     */
    InputStream open(ArtifactRecord artifact) throws IOException;

    /** An artifact's whole content. */
    default byte[] read(ArtifactRecord artifact) throws IOException {
        try (InputStream in = open(artifact)) {
            return in.readAllBytes();
        }
    }
}
