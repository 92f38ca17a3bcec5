package dev.rover.core.store;

import java.util.List;
import java.util.Optional;

/**
 * Keeps workflow definitions by permanent id with all their versions, next to the runs, so that the
 * server's workflows outlive a restart and an update never loses the definition earlier runs used.
 * Deleting a workflow hides it from {@link #list} and {@link #latest} but keeps its versions.
 */
public interface WorkflowStore {

    /** Stores the first version of a new workflow under a fresh {@code wpid_...}. */
    StoredWorkflow create(String title, String format, String definition);

    /**
     * Stores the next version of a workflow.
     *
     * @return empty when there is no such workflow (or it was deleted)
     */
    Optional<StoredWorkflow> update(String workflowPermanentId, String title, String format, String definition);

    /** The newest version of a workflow that was not deleted. */
    Optional<StoredWorkflow> latest(String workflowPermanentId);

    /** One version of a workflow that was not deleted. */
    Optional<StoredWorkflow> version(String workflowPermanentId, int version);

    /** Every version of a workflow that was not deleted, oldest first; empty for an unknown id. */
    List<StoredWorkflow> versions(String workflowPermanentId);

    /** The newest version of each workflow not deleted, most recently changed first. */
    List<StoredWorkflow> list();

    /** Marks a workflow deleted (its versions stay stored); false when there was none to delete. */
    boolean delete(String workflowPermanentId);
}
