package dev.rover.core.exec;

import dev.rover.core.run.RunId;
import dev.rover.core.run.TimelineEntry;
import dev.rover.core.store.RunStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The timeline tree of one run while it is written: mutable nodes under one lock, the whole tree
 * saved through {@link RunStore#saveTimeline} after every change.
 */
final class TimelineLog {

    private final RunStore store;
    private final RunId runId;
    private final Clock clock;
    private final List<Object> roots = new ArrayList<>();

    TimelineLog(RunStore store, RunId runId, Clock clock) {
        this.store = store;
        this.runId = runId;
        this.clock = clock;
    }

    /** Starts a top-level block entry. */
    Node startBlock(String label) {
        synchronized (this) {
            Node node = new Node(TimelineEntry.Type.BLOCK, label, clock.instant());
            roots.add(node);
            persist();
            return node;
        }
    }

    /** Starts from the entries a continued run wrote before it paused. */
    synchronized void restore(List<TimelineEntry> earlier) {
        roots.addAll(earlier);
        persist();
    }

    /** The tree as immutable entries. */
    synchronized List<TimelineEntry> snapshot() {
        return roots.stream().map(r -> r instanceof Node n ? n.snapshot() : (TimelineEntry) r).toList();
    }

    private void persist() {
        store.saveTimeline(runId, snapshot());
    }

    /** One entry being written; it is the {@link TimelineRecorder} handed to blocks. */
    final class Node implements TimelineRecorder {
        private final TimelineEntry.Type type;
        private final String label;
        private final Instant startedAt;
        private final List<Object> children = new ArrayList<>();
        private final List<String> artifactIds = new ArrayList<>();
        private String status = "running";
        private Object output;
        private String failureReason;
        private String reasoning;
        private Instant finishedAt;

        private Node(TimelineEntry.Type type, String label, Instant startedAt) {
            this.type = type;
            this.label = label;
            this.startedAt = startedAt;
        }

        @Override
        public Node start(TimelineEntry.Type childType, String childLabel) {
            Objects.requireNonNull(childType, "type");
            synchronized (TimelineLog.this) {
                Node child = new Node(childType, childLabel, clock.instant());
                children.add(child);
                persist();
                return child;
            }
        }

        @Override
        public void add(TimelineEntry entry) {
            Objects.requireNonNull(entry, "entry");
            synchronized (TimelineLog.this) {
                children.add(entry);
                persist();
            }
        }

        @Override
        public void thought(String thought) {
            Instant now = clock.instant();
            add(new TimelineEntry(TimelineEntry.Type.THOUGHT, "thought", "completed", null, null, thought, now, now,
                    List.of(), List.of()));
        }

        @Override
        public void reasoning(String text) {
            synchronized (TimelineLog.this) {
                reasoning = text;
                persist();
            }
        }

        @Override
        public void artifact(String artifactId) {
            synchronized (TimelineLog.this) {
                artifactIds.add(Objects.requireNonNull(artifactId, "artifactId"));
                persist();
            }
        }

        @Override
        public void finish(String newStatus, Object newOutput, String newFailureReason) {
            synchronized (TimelineLog.this) {
                status = Objects.requireNonNull(newStatus, "status");
                output = newOutput;
                failureReason = newFailureReason;
                finishedAt = clock.instant();
                persist();
            }
        }

        private TimelineEntry snapshot() {
            List<TimelineEntry> kids = children.stream()
                    .map(c -> c instanceof Node n ? n.snapshot() : (TimelineEntry) c).toList();
            return new TimelineEntry(type, label, status, output, failureReason, reasoning, startedAt, finishedAt,
                    artifactIds, kids);
        }
    }
}
