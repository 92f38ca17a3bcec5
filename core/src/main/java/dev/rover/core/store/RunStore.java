package dev.rover.core.store;

import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.TimelineEntry;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps runs, their timelines and their artifact records, so that everything about a run stays
 * retrievable after a restart. Implementations are thread-safe.
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

    @Override
    void close();
}
