package dev.rover.core.run;

import java.time.Instant;

/**
 * An artifact a run produced (screenshot, prompt, trace, download, report), where it is kept,
 * and which block and step it belongs to.
 *
 * @param artifactId  {@code a_...}
 * @param runId       the run
 * @param type        the kind
 * @param blockLabel  the block it belongs to, or null for the run as a whole
 * @param step        the step number within the block, or null
 * @param uri         where the content is ({@code file:} URI in the local store)
 * @param contentType MIME type
 * @param size        size in bytes
 * @param createdAt   when it was recorded
 */
public record ArtifactRecord(String artifactId, RunId runId, ArtifactType type, String blockLabel, Integer step,
                             String uri, String contentType, long size, Instant createdAt) {

    /** A fresh artifact id. */
    public static String newId() {
        return SortableId.next("a_");
    }
}
