package dev.rover.core.run;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.rover.core.run.RunStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunStatusTest {

    /** Skyvern's transitions, written out independently of {@link RunStatus#next()}. */
    private static final Map<RunStatus, Set<RunStatus>> ALLOWED = Map.of(
            CREATED, EnumSet.of(QUEUED, RUNNING, TIMED_OUT, FAILED, CANCELED),
            QUEUED, EnumSet.of(RUNNING, TIMED_OUT, FAILED, CANCELED),
            RUNNING, EnumSet.of(COMPLETED, FAILED, TERMINATED, TIMED_OUT, CANCELED, PAUSED),
            PAUSED, EnumSet.of(RUNNING, FAILED, TIMED_OUT, CANCELED),
            COMPLETED, EnumSet.noneOf(RunStatus.class),
            FAILED, EnumSet.noneOf(RunStatus.class),
            TERMINATED, EnumSet.noneOf(RunStatus.class),
            TIMED_OUT, EnumSet.noneOf(RunStatus.class),
            CANCELED, EnumSet.noneOf(RunStatus.class));

    @Test
    void everyAllowedTransitionSucceeds() {
        int checked = 0;
        for (var entry : ALLOWED.entrySet()) {
            for (RunStatus target : entry.getValue()) {
                assertThat(entry.getKey().canMoveTo(target)).as("%s -> %s", entry.getKey(), target).isTrue();
                assertThat(entry.getKey().moveTo(target)).isEqualTo(target);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(19);
    }

    @Test
    void everyOtherTransitionThrowsNamingBothStatuses() {
        int checked = 0;
        for (RunStatus from : RunStatus.values()) {
            for (RunStatus to : RunStatus.values()) {
                if (ALLOWED.get(from).contains(to)) {
                    continue;
                }
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isFalse();
                assertThatThrownBy(() -> from.moveTo(to))
                        .as("%s -> %s", from, to)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("from " + from.wireName() + " to " + to.wireName());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(81 - 19);
    }

    @Test
    void terminalStatusesAreExactlyTheOnesWithNoWayOut() {
        for (RunStatus status : RunStatus.values()) {
            assertThat(status.isTerminal()).as(status.name()).isEqualTo(ALLOWED.get(status).isEmpty());
        }
        assertThatThrownBy(() -> COMPLETED.moveTo(RUNNING)).hasMessageContaining("completed is final");
        assertThatThrownBy(() -> QUEUED.moveTo(PAUSED)).hasMessageContaining("allowed: [");
    }

    @Test
    void wireNamesAreSkyvernsLowerCaseNames() {
        assertThat(TIMED_OUT.wireName()).isEqualTo("timed_out");
        assertThat(RunStatus.fromWireName("canceled")).isEqualTo(CANCELED);
    }
}
