package dev.rover.blocks.runtime;

import dev.rover.core.exec.RunArtifacts;
import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.RunId;
import dev.rover.core.store.ArtifactStore;
import dev.rover.core.store.RunStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Records a run's artifacts: content into the artifact store, the record into the run store. */
public final class StoreArtifacts implements RunArtifacts {

    private final RunId runId;
    private final ArtifactStore files;
    private final RunStore runs;

    public StoreArtifacts(RunId runId, ArtifactStore files, RunStore runs) {
        this.runId = runId;
        this.files = files;
        this.runs = runs;
    }

    @Override
    public String record(ArtifactType type, String blockLabel, Integer step, String fileName, String contentType, byte[] content) {
        try {
            ArtifactRecord record = files.put(runId, type, blockLabel, step, fileName, contentType, content);
            runs.addArtifact(record);
            return record.artifactId();
        } catch (IOException e) {
            throw new UncheckedIOException("could not store " + type.wireName() + " artifact " + fileName + " of run " + runId, e);
        }
    }

    /** Records a file that already exists (a trace, a download). */
    public ArtifactRecord recordFile(ArtifactType type, String blockLabel, Path file, String contentType) {
        try {
            ArtifactRecord record = files.putFile(runId, type, blockLabel, null, file, contentType);
            runs.addArtifact(record);
            return record;
        } catch (IOException e) {
            throw new UncheckedIOException("could not store " + type.wireName() + " artifact " + file.getFileName() + " of run " + runId, e);
        }
    }
}
