package dev.rover.samples.cli;

import dev.rover.RunListener;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.TimelineEntry;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Shows a run's progress on stderr, one line per event: status changes, a block starting and
 * ending, each finished step and each action. The listener receives the whole timeline on every
 * change, so it remembers what it printed (by position in the tree) and prints only what is new.
 */
final class ProgressPrinter implements RunListener {

    private final PrintWriter err;
    private final Map<RunId, RunStatus> statuses = new HashMap<>();
    private final Map<RunId, Set<String>> printed = new HashMap<>();

    ProgressPrinter(PrintWriter err) {
        this.err = Objects.requireNonNull(err, "err");
    }

    @Override
    public synchronized void onRun(Run run) {
        RunStatus before = statuses.put(run.runId(), run.status());
        if (before == run.status()) {
            return;
        }
        StringBuilder line = new StringBuilder("run ").append(run.runId()).append(' ').append(run.status().wireName());
        if (run.status().isTerminal() && run.startedAt() != null && run.finishedAt() != null) {
            line.append(" after ").append(TimelineLines.seconds(Duration.between(run.startedAt(), run.finishedAt())));
        }
        if (run.failureReason() != null && !run.failureReason().isBlank()) {
            line.append(": ").append(TimelineLines.shorten(run.failureReason()));
        }
        err.println(line);
        err.flush();
    }

    @Override
    public synchronized void onTimeline(RunId runId, List<TimelineEntry> timeline) {
        Set<String> seen = printed.computeIfAbsent(runId, id -> new HashSet<>());
        walk(timeline, "", 0, seen);
        err.flush();
    }

    private void walk(List<TimelineEntry> entries, String parentKey, int depth, Set<String> seen) {
        for (int i = 0; i < entries.size(); i++) {
            TimelineEntry entry = entries.get(i);
            String key = parentKey + "/" + i + ":" + entry.type() + ":" + entry.label();
            String indent = TimelineLines.indent(depth);
            switch (entry.type()) {
                case BLOCK -> {
                    if (seen.add(key + ">")) {
                        err.println(indent + TimelineLines.blockStart(entry));
                    }
                    walk(entry.children(), key, depth + 1, seen);
                    if (entry.finishedAt() != null && seen.add(key + "<")) {
                        err.println(indent + TimelineLines.blockEnd(entry));
                    }
                }
                case STEP -> {
                    // a step is shown once it has ended, followed by its actions
                    if (entry.finishedAt() == null) {
                        continue;
                    }
                    if (seen.add(key)) {
                        err.println(indent + TimelineLines.step(entry));
                    }
                    walk(entry.children(), key, depth + 1, seen);
                }
                case ACTION -> {
                    if (seen.add(key)) {
                        err.println(indent + TimelineLines.action(entry));
                    }
                }
                case THOUGHT -> seen.add(key);
            }
        }
    }
}
