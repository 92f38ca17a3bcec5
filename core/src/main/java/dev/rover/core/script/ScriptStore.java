package dev.rover.core.script;

import java.util.List;
import java.util.Optional;

/**
 * Keeps block scripts with all their revisions next to the runs (both run store backends), so that a replay
 * outlives the process that recorded it and a healed script never loses the revision it replaced.
 */
public interface ScriptStore {

    /**
     * Stores the actions as the next revision of the script under {@code key} (revision 1 of a new {@code scr_...}
     * when there is none). Actions equal to the latest revision's store nothing and return that revision.
     */
    BlockScript save(ScriptKey key, List<ScriptAction> actions, String sourceRunId);

    /** The newest revision of the script under {@code key}. */
    Optional<BlockScript> latest(ScriptKey key);

    /** The newest revision of a script by id. */
    Optional<BlockScript> find(String scriptId);

    /** Every revision of a script, oldest first; empty for an unknown id. */
    List<BlockScript> revisions(String scriptId);

    /** The newest revision of every script, most recently changed first. */
    List<BlockScript> list();

    /** Deletes a script with all its revisions; false when there was none. */
    boolean delete(String scriptId);
}
