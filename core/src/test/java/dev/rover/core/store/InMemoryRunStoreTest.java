package dev.rover.core.store;

import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.RunType;
import dev.rover.core.run.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryRunStoreTest {

    private final InMemoryRunStore store = new InMemoryRunStore();

    private static Run run(Instant created) {
        return Run.created(RunId.next(RunType.WORKFLOW), "t", Map.of(), null, null, created);
    }

    @Test
    void savesReplacesAndListsMostRecentFirst() {
        Run old = run(Instant.parse("2024-01-01T00:00:00Z"));
        Run recent = run(Instant.parse("2024-02-01T00:00:00Z"));
        store.save(old);
        store.save(recent);
        Run queued = old.withStatus(RunStatus.QUEUED, Instant.parse("2024-01-01T00:00:01Z"));
        store.save(queued);

        assertThat(store.find(old.runId())).contains(queued);
        assertThat(store.list(10)).containsExactly(recent, queued);
        assertThat(store.list(1)).containsExactly(recent);
        assertThat(store.find(RunId.next(RunType.TASK))).isEmpty();
    }

    @Test
    void keepsTimelinesAndFiltersArtifactsByType() {
        Run r = run(Instant.now());
        TimelineEntry entry = new TimelineEntry(TimelineEntry.Type.BLOCK, "a", "completed", null, null, null,
                Instant.now(), Instant.now(), List.of(), List.of());
        store.saveTimeline(r.runId(), List.of(entry));
        ArtifactRecord shot = new ArtifactRecord("a_1", r.runId(), ArtifactType.SCREENSHOT_ACTION, "a", 1, "file:/x.png",
                "image/png", 3, Instant.now());
        ArtifactRecord prompt = new ArtifactRecord("a_2", r.runId(), ArtifactType.LLM_PROMPT, "a", 1, "file:/p.txt",
                "text/plain", 3, Instant.now());
        store.addArtifact(shot);
        store.addArtifact(prompt);

        assertThat(store.timeline(r.runId())).containsExactly(entry);
        assertThat(store.timeline(RunId.next(RunType.WORKFLOW))).isEmpty();
        assertThat(store.artifacts(r.runId(), Set.of())).containsExactly(shot, prompt);
        assertThat(store.artifacts(r.runId(), Set.of(ArtifactType.LLM_PROMPT))).containsExactly(prompt);
        assertThat(store.artifact("a_1")).contains(shot);
    }

    @Test
    void isSafeUnderConcurrentWrites() {
        IntStream.range(0, 200).parallel().forEach(i -> store.save(run(Instant.ofEpochSecond(i))));

        assertThat(store.list(500)).hasSize(200);
        assertThat(store.list(1).get(0).createdAt()).isEqualTo(Instant.ofEpochSecond(199));
    }
}
