package dev.rover.core.exec;

import dev.rover.core.run.ArtifactType;

/** Where blocks put the artifacts of a run (screenshots, prompts, element trees); content is redacted before it gets here. */
public interface RunArtifacts {

    /**
     * Stores an artifact and records it on the run.
     *
     * @return the artifact id ({@code a_...})
     */
    String record(ArtifactType type, String blockLabel, Integer step, String fileName, String contentType, byte[] content);
}
