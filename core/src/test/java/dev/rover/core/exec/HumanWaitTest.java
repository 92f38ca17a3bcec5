package dev.rover.core.exec;

import dev.rover.core.run.HumanDecision;
import dev.rover.core.run.PausedRun;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.RunId;
import dev.rover.core.run.TimelineEntry;
import dev.rover.core.store.InMemoryRunStore;
import dev.rover.core.store.RunStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.rover.core.exec.TestWorkflows.block;
import static dev.rover.core.exec.TestWorkflows.v1;
import static org.assertj.core.api.Assertions.assertThat;

/** The pause of a run for a person: paused while waiting, back to running on a decision, canceled or timed out. */
class HumanWaitTest {

    private final List<RunStatus> seen = Collections.synchronizedList(new ArrayList<>());
    private InMemoryRunStore store;
    private RunCoordinator coordinator;

    /** Waits for a person for {@code wait_ms}, then completes with the decision or times out. */
    private static final BlockType AWAIT = new BlockType() {
        @Override
        public String type() {
            return "await_human";
        }

        @Override
        public BlockResult execute(dev.rover.core.definition.BlockDefinition block, BlockContext context) throws Exception {
            long ms = (long) block.field("wait_ms").map(v -> ((Number) v).longValue()).orElse(20_000L);
            Optional<HumanDecision> d = context.awaitHuman(block.outputKey(),
                    Map.of("status", PausedRun.AWAITING, "instructions", "check the invoice"), Instant.now().plusMillis(ms));
            if (d.isPresent()) {
                return BlockResult.completed(Map.of("decision", d.get().wireName()));
            }
            return context.cancellation().isCanceled() ? BlockResult.canceled() : BlockResult.timedOut("nobody answered");
        }
    };

    @BeforeEach
    void setUp() {
        store = new InMemoryRunStore();
        List<BlockType> types = new ArrayList<>(new TestBlocks().all());
        types.add(AWAIT);
        coordinator = RunCoordinator.builder(new StatusRecordingStore()).blockTypes(types).build();
    }

    @AfterEach
    void tearDown() {
        coordinator.close();
    }

    private Run pausedRun(RunHandle handle) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Run run = store.find(handle.runId()).orElseThrow();
        while (run.status() != RunStatus.PAUSED && System.nanoTime() < deadline) {
            Thread.sleep(20);
            run = store.find(handle.runId()).orElseThrow();
        }
        assertThat(run.status()).as("the run pauses").isEqualTo(RunStatus.PAUSED);
        return run;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDecisionThroughTheStoreResumesTheRunWhichCompletes() throws Exception {
        RunHandle handle = coordinator.start(v1(block("await_human", "review"), block("echo", "after", "value", "done")),
                RunOptions.defaults());
        Run paused = pausedRun(handle);
        assertThat(PausedRun.awaited(paused)).contains("check the invoice");
        assertThat(store.requestResume(handle.runId(), new HumanDecision(true, "fine"))).isTrue();

        Run run = handle.await(Duration.ofSeconds(5));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat((Map<String, Object>) run.output()).containsEntry("review_output", Map.of("decision", "approved"))
                .containsEntry("after_output", "done");
        assertThat(seen).containsSubsequence(RunStatus.RUNNING, RunStatus.PAUSED, RunStatus.RUNNING, RunStatus.COMPLETED);
        assertThat(PausedRun.awaited(run)).isEmpty();
        assertThat(store.requestResume(handle.runId(), new HumanDecision(true, null))).as("no longer paused").isFalse();
    }

    @Test
    void cancelingAPausedRunEndsItCanceledStraightFromPaused() throws Exception {
        RunHandle handle = coordinator.start(v1(block("await_human", "review")), RunOptions.defaults());
        pausedRun(handle);

        handle.cancel();
        Run run = handle.await(Duration.ofSeconds(5));

        assertThat(run.status()).isEqualTo(RunStatus.CANCELED);
        assertThat(seen).endsWith(RunStatus.PAUSED, RunStatus.CANCELED);
    }

    @Test
    void nobodyAnsweringEndsTheRunTimedOut() throws Exception {
        RunHandle handle = coordinator.start(v1(block("await_human", "review", "wait_ms", 300)), RunOptions.defaults());

        Run run = handle.await(Duration.ofSeconds(5));

        assertThat(run.status()).isEqualTo(RunStatus.TIMED_OUT);
        assertThat(run.failureReason()).isEqualTo("block 'review' timed out: nobody answered");
        assertThat(seen).containsSubsequence(RunStatus.PAUSED, RunStatus.RUNNING, RunStatus.TIMED_OUT);
    }

    @Test
    void theRunsOwnTimeLimitEndsAPauseTimedOut() throws Exception {
        RunHandle handle = coordinator.start(v1(block("await_human", "review")),
                RunOptions.builder().elapsedTimeOverride(Duration.ofMillis(400)).build());

        Run run = handle.await(Duration.ofSeconds(5));

        assertThat(run.status()).isEqualTo(RunStatus.TIMED_OUT);
        assertThat(run.failureReason()).contains("time limit");
        assertThat(seen).contains(RunStatus.PAUSED);
    }

    @Test
    void pausedMovesOnlyToRunningFailedTimedOutOrCanceled() {
        assertThat(RunStatus.RUNNING.canMoveTo(RunStatus.PAUSED)).isTrue();
        assertThat(RunStatus.PAUSED.next()).containsExactlyInAnyOrder(RunStatus.RUNNING, RunStatus.FAILED,
                RunStatus.TIMED_OUT, RunStatus.CANCELED);
        assertThat(RunStatus.PAUSED.canMoveTo(RunStatus.COMPLETED)).isFalse();
        assertThat(RunStatus.PAUSED.isTerminal()).isFalse();
    }

    /** The in-memory store, noting every status change the run makes. */
    private final class StatusRecordingStore implements RunStore {
        @Override
        public void save(Run run) {
            synchronized (seen) {
                if (seen.isEmpty() || seen.get(seen.size() - 1) != run.status()) {
                    seen.add(run.status());
                }
            }
            store.save(run);
        }

        @Override public Optional<Run> find(RunId id) { return store.find(id); }
        @Override public List<Run> list(int limit) { return store.list(limit); }
        @Override public void saveTimeline(RunId id, List<TimelineEntry> t) { store.saveTimeline(id, t); }
        @Override public List<TimelineEntry> timeline(RunId id) { return store.timeline(id); }
        @Override public void addArtifact(ArtifactRecord a) { store.addArtifact(a); }
        @Override public List<ArtifactRecord> artifacts(RunId id, Set<ArtifactType> t) { return store.artifacts(id, t); }
        @Override public Optional<ArtifactRecord> artifact(String id) { return store.artifact(id); }
        @Override public boolean requestResume(RunId id, HumanDecision d) { return store.requestResume(id, d); }
        @Override public Optional<HumanDecision> takeResume(RunId id) { return store.takeResume(id); }
        @Override public void close() { store.close(); }
    }
}
