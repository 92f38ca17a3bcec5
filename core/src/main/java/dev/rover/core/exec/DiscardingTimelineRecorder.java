package dev.rover.core.exec;

import dev.rover.core.run.TimelineEntry;

/** The recorder of contexts that keep no timeline: every call is accepted and nothing is stored. */
final class DiscardingTimelineRecorder implements TimelineRecorder {

    static final DiscardingTimelineRecorder INSTANCE = new DiscardingTimelineRecorder();

    private DiscardingTimelineRecorder() {
    }

    @Override
    public TimelineRecorder start(TimelineEntry.Type type, String label) {
        return this;
    }

    @Override
    public void add(TimelineEntry entry) {
        // no timeline to add to: this recorder exists for contexts that keep none
    }

    @Override
    public void thought(String reasoning) {
        // no timeline to add to
    }

    @Override
    public void reasoning(String reasoning) {
        // no timeline to add to
    }

    @Override
    public void artifact(String artifactId) {
        // no timeline to add to
    }

    @Override
    public void finish(String status, Object output, String failureReason) {
        // no timeline to add to
    }
}
