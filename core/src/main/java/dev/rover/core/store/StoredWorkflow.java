package dev.rover.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a workflow kept in the run database, so that a server can run workflows by id and
 * keep every earlier version of a definition people replaced (Skyvern's {@code workflow_permanent_id} and
 * {@code version}).
 *
 * @param workflowPermanentId {@code wpid_...}, the same for every version
 * @param version             1 for the first definition, one more for each update
 * @param title               the definition's title
 * @param format              {@code yaml} or {@code json}: how the definition text is written
 * @param definition          the definition text as it was given
 * @param createdAt           when this version was stored
 */
public record StoredWorkflow(String workflowPermanentId, int version, String title, String format, String definition,
                             Instant createdAt) {

    public StoredWorkflow {
        Objects.requireNonNull(workflowPermanentId, "workflowPermanentId");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(createdAt, "createdAt");
        if (version < 1) {
            throw new IllegalArgumentException("a workflow version starts at 1, got " + version);
        }
        if (!"yaml".equals(format) && !"json".equals(format)) {
            throw new IllegalArgumentException("a workflow definition is yaml or json, got " + format);
        }
    }
}
