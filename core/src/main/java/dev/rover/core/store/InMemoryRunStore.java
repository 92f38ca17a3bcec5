package dev.rover.core.store;

import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.HumanDecision;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.TimelineEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link RunStore} in memory: nothing survives the process, which is what tests and short-lived
 * embeddings want. Thread-safe; every method holds one lock.
 */
public final class InMemoryRunStore implements RunStore {

    private final Map<RunId, Run> runs = new HashMap<>();
    private final Map<RunId, List<TimelineEntry>> timelines = new HashMap<>();
    private final Map<String, ArtifactRecord> artifacts = new LinkedHashMap<>();
    private final Map<RunId, HumanDecision> resumes = new HashMap<>();
    private final InMemoryScriptStore scripts = new InMemoryScriptStore();

    /** The block scripts of cached replay, kept in memory with the runs. */
    public InMemoryScriptStore scripts() {
        return scripts;
    }

    @Override
    public synchronized boolean requestResume(RunId id, HumanDecision decision) {
        Objects.requireNonNull(decision, "decision");
        Run run = runs.get(id);
        if (run == null || run.status() != RunStatus.PAUSED) {
            return false;
        }
        resumes.put(id, decision);
        return true;
    }

    @Override
    public synchronized Optional<HumanDecision> takeResume(RunId id) {
        return Optional.ofNullable(resumes.remove(id));
    }

    @Override
    public synchronized void save(Run run) {
        Objects.requireNonNull(run, "run");
        runs.put(run.runId(), run);
    }

    @Override
    public synchronized Optional<Run> find(RunId id) {
        return Optional.ofNullable(runs.get(id));
    }

    @Override
    public synchronized List<Run> list(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, not " + limit);
        }
        return runs.values().stream()
                .sorted(Comparator.comparing(Run::createdAt, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(Run::runId, Comparator.reverseOrder()))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized void saveTimeline(RunId id, List<TimelineEntry> timeline) {
        timelines.put(Objects.requireNonNull(id, "id"), List.copyOf(timeline));
    }

    @Override
    public synchronized List<TimelineEntry> timeline(RunId id) {
        return timelines.getOrDefault(id, List.of());
    }

    @Override
    public synchronized void addArtifact(ArtifactRecord artifact) {
        Objects.requireNonNull(artifact, "artifact");
        artifacts.put(artifact.artifactId(), artifact);
    }

    @Override
    public synchronized List<ArtifactRecord> artifacts(RunId id, Set<ArtifactType> types) {
        List<ArtifactRecord> found = new ArrayList<>();
        for (ArtifactRecord a : artifacts.values()) {
            if (a.runId().equals(id) && (types == null || types.isEmpty() || types.contains(a.type()))) {
                found.add(a);
            }
        }
        return found;
    }

    @Override
    public synchronized Optional<ArtifactRecord> artifact(String artifactId) {
        return Optional.ofNullable(artifacts.get(artifactId));
    }

    /** Nothing to release: the contents go with the object. */
    @Override
    public void close() {
        // in-memory: no connection or file to release
    }
}
