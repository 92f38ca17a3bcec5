package dev.rover.core.store;

import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.HumanDecision;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.TimelineEntry;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps runs, their timelines and their artifact records, so that everything about a run stays
 * retrievable after a restart. A store shared by several processes also carries cancel requests from one
 * process to the run's owner. Implementations are thread-safe.
 */
public interface RunStore extends AutoCloseable {

    /** Inserts or replaces a run. */
    void save(Run run);

    /** The run with this id. */
    Optional<Run> find(RunId id);

    /** Runs, most recent first, at most {@code limit}. */
    List<Run> list(int limit);

    /** Replaces the run's timeline (a tree; top-level entries are blocks). */
    void saveTimeline(RunId id, List<TimelineEntry> timeline);

    /** The run's timeline, empty when none was recorded. */
    List<TimelineEntry> timeline(RunId id);

    /** Records an artifact. */
    void addArtifact(ArtifactRecord artifact);

    /** The run's artifacts in the order recorded, only of the given types when {@code types} is not empty. */
    List<ArtifactRecord> artifacts(RunId id, Set<ArtifactType> types);

    /** One artifact by id. */
    Optional<ArtifactRecord> artifact(String artifactId);

    /**
     * Asks whoever executes this active run, this process or another one sharing the store, to cancel it.
     * A store only this process sees has no other owner to ask, so by default nothing is recorded.
     *
     * @return true when the request was recorded for the run's owner to pick up
     */
    default boolean requestCancel(RunId id) {
        return false;
    }

    /**
     * Who cancels the runs this store instance holds when another process asks ({@link #requestCancel});
     * a store only this process sees never calls it.
     */
    default void onCancelRequested(CancelRequestListener listener) {
        // no other process can ask
    }

    /**
     * Records a person's decision for a run paused in a {@code human_interaction} block; whoever executes
     * the run, in this or another process sharing the store, picks it up through {@link #takeResume}.
     *
     * @return false when there is no such run or it is not paused
     */
    default boolean requestResume(RunId id, HumanDecision decision) {
        return false;
    }

    /** The decision recorded for this run since the last call, removing it so it is acted on once. */
    default Optional<HumanDecision> takeResume(RunId id) {
        return Optional.empty();
    }

    /**
     * Takes over a run paused for a person whose process stopped (its lease lapsed), so this process can continue
     * or end it; exactly one of several processes trying at once succeeds.
     *
     * @return false when the run is not paused or its owner still renews its lease (or this store has no leases)
     */
    default boolean claimOrphanedPause(RunId id) {
        return false;
    }

    @Override
    void close();
}
