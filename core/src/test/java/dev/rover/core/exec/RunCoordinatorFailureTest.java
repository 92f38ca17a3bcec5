package dev.rover.core.exec;

import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.TimelineEntry;
import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.store.InMemoryRunStore;
import dev.rover.core.store.RunStore;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.rover.core.exec.TestWorkflows.block;
import static dev.rover.core.exec.TestWorkflows.v1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunCoordinatorFailureTest {

    /** Keeps runs in memory but fails every timeline write, as a full disk would. */
    private static final class BrokenTimelineStore implements RunStore {
        private final InMemoryRunStore runs = new InMemoryRunStore();

        @Override public void save(Run run) { runs.save(run); }
        @Override public Optional<Run> find(RunId id) { return runs.find(id); }
        @Override public List<Run> list(int limit) { return runs.list(limit); }
        @Override public void saveTimeline(RunId id, List<TimelineEntry> timeline) {
            throw new IllegalStateException("disk full");
        }
        @Override public List<TimelineEntry> timeline(RunId id) { return runs.timeline(id); }
        @Override public void addArtifact(ArtifactRecord artifact) { runs.addArtifact(artifact); }
        @Override public List<ArtifactRecord> artifacts(RunId id, Set<ArtifactType> types) { return runs.artifacts(id, types); }
        @Override public Optional<ArtifactRecord> artifact(String artifactId) { return runs.artifact(artifactId); }
        @Override public void close() { runs.close(); }
    }

    @Test
    void anUnexpectedErrorInsideTheExecutorFailsTheRunInsteadOfLeavingItRunning() throws Exception {
        BrokenTimelineStore store = new BrokenTimelineStore();
        try (RunCoordinator executor = RunCoordinator.builder(store).blockTypes(new TestBlocks().all()).build()) {
            RunHandle handle = executor.start(v1(block("echo", "a")), RunOptions.defaults());
            Run run = handle.await(Duration.ofSeconds(5));

            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.failureReason()).isEqualTo("Rover's executor failed unexpectedly: disk full");
            assertThat(store.find(run.runId())).contains(run);
        }
    }

    @Test
    void aClosedExecutorRefusesNewRuns() {
        RunCoordinator executor = RunCoordinator.builder(new InMemoryRunStore()).blockTypes(List.of()).build();
        executor.close();

        assertThatThrownBy(() -> executor.start(v1(block("echo", "a")), RunOptions.defaults()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void twoBlockTypesWithTheSameNameAreRefused() {
        TestBlocks blocks = new TestBlocks();
        List<BlockType> twice = new java.util.ArrayList<>(blocks.all());
        twice.addAll(blocks.all());

        assertThatThrownBy(() -> BlockTypeRegistry.of(twice))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is implemented twice");
    }

    @Test
    void theServiceLoaderRegistryFindsExactlyTheImplementationsRegisteredOnTheClassPath() {
        // core's test class path registers three test-only types in META-INF/services; core itself registers none
        assertThat(BlockTypeRegistry.fromServiceLoader().supported()).containsExactlyInAnyOrder("wait", "goto_url", "beam");
    }
}
