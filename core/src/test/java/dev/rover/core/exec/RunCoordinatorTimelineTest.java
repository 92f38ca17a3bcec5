package dev.rover.core.exec;

import dev.rover.core.run.Run;
import dev.rover.core.run.TimelineEntry;
import dev.rover.core.store.InMemoryRunStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.rover.core.exec.TestWorkflows.block;
import static dev.rover.core.exec.TestWorkflows.blockBuilder;
import static dev.rover.core.exec.TestWorkflows.v1;
import static org.assertj.core.api.Assertions.assertThat;

class RunCoordinatorTimelineTest {

    private InMemoryRunStore store;
    private RunCoordinator executor;

    @BeforeEach
    void setUp() {
        store = new InMemoryRunStore();
        executor = RunCoordinator.builder(store).blockTypes(new TestBlocks().all()).build();
    }

    @AfterEach
    void tearDown() {
        executor.close();
    }

    @Test
    void theSavedTimelineIsATreeOfBlocksStepsActionsAndThoughts() {
        Run run = executor.run(v1(
                block("agent", "buy"),
                blockBuilder("loop", "each").fields("items", List.of("a", "b"))
                        .loopBlocks(block("echo", "inner", "value", "{{ current_item }}")).build(),
                blockBuilder("fail", "optional").fields("reason", "not there").continueOnFailure().build()),
                RunOptions.defaults());

        List<TimelineEntry> timeline = store.timeline(run.runId());
        assertThat(timeline).extracting(TimelineEntry::label).containsExactly("buy", "each", "optional");
        assertThat(timeline).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(TimelineEntry.Type.BLOCK);
            assertThat(e.startedAt()).isNotNull();
            assertThat(e.finishedAt()).isNotNull();
        });

        TimelineEntry buy = timeline.get(0);
        assertThat(buy.status()).isEqualTo("completed");
        assertThat(buy.output()).isEqualTo(Map.of("done", true));
        assertThat(buy.children()).extracting(TimelineEntry::type, TimelineEntry::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TimelineEntry.Type.STEP, "step 1"),
                        org.assertj.core.groups.Tuple.tuple(TimelineEntry.Type.STEP, "step 2"));
        TimelineEntry step = buy.children().get(0);
        assertThat(step.status()).isEqualTo("completed");
        assertThat(step.children()).extracting(TimelineEntry::type)
                .containsExactly(TimelineEntry.Type.THOUGHT, TimelineEntry.Type.ACTION);
        assertThat(step.children().get(0).reasoning()).isEqualTo("look at the page 1");
        TimelineEntry action = step.children().get(1);
        assertThat(action.label()).isEqualTo("click");
        assertThat(action.status()).isEqualTo("success");
        assertThat(action.reasoning()).isEqualTo("the button is there");
        assertThat(action.details()).containsEntry("element", "A1");

        TimelineEntry loop = timeline.get(1);
        assertThat(loop.children()).extracting(TimelineEntry::label, TimelineEntry::output)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("inner", "a"),
                        org.assertj.core.groups.Tuple.tuple("inner", "b"));
        assertThat(loop.children()).allSatisfy(e -> assertThat(e.type()).isEqualTo(TimelineEntry.Type.BLOCK));

        TimelineEntry optional = timeline.get(2);
        assertThat(optional.status()).isEqualTo("failed");
        assertThat(optional.failureReason()).isEqualTo("not there");
    }

    @Test
    void aRunningBlockIsVisibleInTheStoreBeforeItEnds() throws Exception {
        TestBlocks blocks = new TestBlocks();
        try (RunCoordinator own = RunCoordinator.builder(store).blockTypes(blocks.all()).build()) {
            RunHandle handle = own.start(v1(block("echo", "first"), block("wait_for_cancel", "wait")),
                    RunOptions.defaults());
            assertThat(blocks.waiting.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            List<TimelineEntry> during = store.timeline(handle.runId());
            assertThat(during).extracting(TimelineEntry::label, TimelineEntry::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("first", "completed"),
                            org.assertj.core.groups.Tuple.tuple("wait", "running"));
            handle.cancel();
            handle.await(java.time.Duration.ofSeconds(5));
            assertThat(store.timeline(handle.runId()).get(1).status()).isEqualTo("canceled");
        }
    }
}
