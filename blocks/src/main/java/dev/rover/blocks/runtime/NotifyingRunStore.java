package dev.rover.blocks.runtime;

import dev.rover.RunListener;
import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.Run;
import dev.rover.core.run.HumanDecision;
import dev.rover.core.run.RunId;
import dev.rover.core.run.TimelineEntry;
import dev.rover.core.store.CancelRequestListener;
import dev.rover.core.store.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A run store that tells a {@link RunListener} about every saved run and timeline, after saving it. */
public final class NotifyingRunStore implements RunStore {

    private static final Logger log = LoggerFactory.getLogger(NotifyingRunStore.class);

    private final RunStore delegate;
    private final RunListener listener;

    public NotifyingRunStore(RunStore delegate, RunListener listener) {
        this.delegate = delegate;
        this.listener = listener;
    }

    @Override
    public void save(Run run) {
        delegate.save(run);
        try {
            listener.onRun(run);
        } catch (RuntimeException e) {
            log.warn("a run listener failed on run {}: {}", run.runId(), e.toString());
        }
    }

    @Override
    public void saveTimeline(RunId id, List<TimelineEntry> timeline) {
        delegate.saveTimeline(id, timeline);
        try {
            listener.onTimeline(id, timeline);
        } catch (RuntimeException e) {
            log.warn("a run listener failed on the timeline of run {}: {}", id, e.toString());
        }
    }

    @Override public Optional<Run> find(RunId id) { return delegate.find(id); }
    @Override public List<Run> list(int limit) { return delegate.list(limit); }
    @Override public List<TimelineEntry> timeline(RunId id) { return delegate.timeline(id); }
    @Override public void addArtifact(ArtifactRecord artifact) { delegate.addArtifact(artifact); }
    @Override public List<ArtifactRecord> artifacts(RunId id, Set<ArtifactType> types) { return delegate.artifacts(id, types); }
    @Override public Optional<ArtifactRecord> artifact(String artifactId) { return delegate.artifact(artifactId); }
    @Override public boolean requestCancel(RunId id) { return delegate.requestCancel(id); }
    @Override public void onCancelRequested(CancelRequestListener l) { delegate.onCancelRequested(l); }
    @Override public boolean requestResume(RunId id, HumanDecision d) { return delegate.requestResume(id, d); }
    @Override public Optional<HumanDecision> takeResume(RunId id) { return delegate.takeResume(id); }
    @Override public boolean claimOrphanedPause(RunId id) { return delegate.claimOrphanedPause(id); }
    @Override public void close() { delegate.close(); }
}
