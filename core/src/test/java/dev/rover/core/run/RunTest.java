package dev.rover.core.run;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunTest {

    private static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");

    private final Run created = Run.created(RunId.of("wr_01jcz3k4m5n6p7q8r9s0t1v2w3"), "t", Map.of(), null, null, T0);

    @Test
    void createdRunHasOnlyItsCreationTime() {
        assertThat(created.status()).isEqualTo(RunStatus.CREATED);
        assertThat(created.runType()).isEqualTo(RunType.WORKFLOW);
        assertThat(created.createdAt()).isEqualTo(T0);
        assertThat(created.queuedAt()).isNull();
        assertThat(created.startedAt()).isNull();
        assertThat(created.finishedAt()).isNull();
    }

    @Test
    void withStatusSetsTheMatchingTimestamps() {
        Run queued = created.withStatus(RunStatus.QUEUED, T0.plusSeconds(1));
        Run running = queued.withStatus(RunStatus.RUNNING, T0.plusSeconds(2));
        Run done = running.withStatus(RunStatus.COMPLETED, T0.plusSeconds(9));

        assertThat(queued.queuedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(queued.startedAt()).isNull();
        assertThat(running.startedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(running.finishedAt()).isNull();
        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(done.queuedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(done.startedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(created.status()).as("the original is unchanged").isEqualTo(RunStatus.CREATED);
    }

    @Test
    void resumingAPausedRunKeepsItsFirstStartTime() {
        Run resumed = created.withStatus(RunStatus.RUNNING, T0.plusSeconds(1))
                .withStatus(RunStatus.PAUSED, T0.plusSeconds(3))
                .withStatus(RunStatus.RUNNING, T0.plusSeconds(8));

        assertThat(resumed.startedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(resumed.finishedAt()).isNull();
    }

    @Test
    void everyTerminalStatusSetsFinishedAt() {
        for (RunStatus terminal : RunStatus.values()) {
            if (terminal.isTerminal()) {
                Run running = created.withStatus(RunStatus.RUNNING, T0);
                assertThat(running.withStatus(terminal, T0.plusSeconds(5)).finishedAt()).as(terminal.name())
                        .isEqualTo(T0.plusSeconds(5));
            }
        }
    }

    @Test
    void illegalTransitionIsRefused() {
        Run failed = created.withStatus(RunStatus.FAILED, T0.plusSeconds(1));
        assertThatThrownBy(() -> failed.withStatus(RunStatus.RUNNING, T0.plusSeconds(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("from failed to running");
    }
}
