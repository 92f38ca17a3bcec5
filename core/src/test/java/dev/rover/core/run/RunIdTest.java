package dev.rover.core.run;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunIdTest {

    @Test
    void prefixesFollowTheRunType() {
        RunId task = RunId.next(RunType.TASK);
        RunId workflow = RunId.next(RunType.WORKFLOW);

        assertThat(task.value()).startsWith("tsk_").hasSize(4 + 26);
        assertThat(workflow.value()).startsWith("wr_").hasSize(3 + 26);
        assertThat(task.type()).isEqualTo(RunType.TASK);
        assertThat(workflow.type()).isEqualTo(RunType.WORKFLOW);
        assertThat(task.value().substring(4)).matches("[0-9a-hjkmnp-tv-z]{26}");
    }

    @Test
    void foreignPrefixesAreRefusedWithTheValue() {
        assertThatThrownBy(() -> RunId.of("run_123")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run_123").hasMessageContaining("tsk_");
    }

    @Test
    void hundredThousandIdsAreUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(RunId.next(RunType.WORKFLOW).value());
        }
        assertThat(seen).hasSize(100_000);
    }

    @Test
    void idsSortByTheirMillisecondAcrossPrefixes() {
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        List<RunId> inOrder = new ArrayList<>();
        for (int ms = 0; ms < 2_000; ms++) {
            Clock clock = Clock.fixed(base.plusMillis(ms), ZoneOffset.UTC);
            String prefix = ms % 2 == 0 ? "wr_" : "tsk_";
            inOrder.add(RunId.of(SortableId.next(prefix, clock)));
        }
        List<RunId> shuffled = new ArrayList<>(inOrder);
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));
        shuffled.sort(null);

        assertThat(shuffled).containsExactlyElementsOf(inOrder);
    }

    @Test
    void theTimePartEncodesTheClockMillis() {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(0), ZoneOffset.UTC);
        assertThat(SortableId.next("a_", clock)).startsWith("a_0000000000");
        Clock later = Clock.fixed(Instant.ofEpochMilli(32), ZoneOffset.UTC);
        assertThat(SortableId.next("a_", later)).startsWith("a_0000000010");
    }
}
