package dev.rover.browser.bench;

import dev.rover.browser.BrowserOptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrencyBenchmarkTest {

    @Test
    void measuresThroughputAndMemoryForEachConcurrencyLevel() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ConcurrencyBenchmark benchmark = new ConcurrencyBenchmark(
                BrowserOptions.builder().tracing(false).build(), List.of(1, 2), 2);

        List<ConcurrencyBenchmark.Measurement> results = benchmark.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));

        assertThat(results).extracting(ConcurrencyBenchmark.Measurement::concurrency).containsExactly(1, 2);
        assertThat(results).extracting(ConcurrencyBenchmark.Measurement::runs).containsExactly(2, 4);
        assertThat(results).allSatisfy(m -> {
            assertThat(m.failedActions()).isZero();
            assertThat(m.runsPerSecond()).isPositive();
            assertThat(m.peakHeapBytes()).isPositive();
            assertThat(m.peakChromiumRssBytes()).isGreaterThan(10L * 1024 * 1024);
            // Chromium, the Node driver and this JVM together weigh more than Chromium alone
            assertThat(m.peakTotalBytes()).isGreaterThan(m.peakChromiumRssBytes());
            assertThat(m.stepSeconds()).isPositive();
            assertThat(m.runSeconds()).isGreaterThan(m.stepSeconds());
        });
        String table = buffer.toString(StandardCharsets.UTF_8);
        assertThat(table.lines().toList()).hasSize(6);
        assertThat(table).contains("plain Playwright for Java").contains("runs/s").contains("peak total MB")
                .contains("concurrency 1, in turn: Rover");
        assertThat(table.lines().reduce((a, b) -> b).orElseThrow())
                .matches("RESULT single_run_ratio=\\d+\\.\\d\\d step_ratio=\\d+\\.\\d\\d peak_mb_8=n/a");
    }

    @Test
    void rejectsMeaninglessSettings() {
        BrowserOptions options = BrowserOptions.defaults();
        assertThatThrownBy(() -> new ConcurrencyBenchmark(options, List.of(0), 1))
                .hasMessageContaining("concurrency levels must be at least 1");
        assertThatThrownBy(() -> new ConcurrencyBenchmark(options, List.of(1), 0))
                .hasMessageContaining("runs per browser must be at least 1");
    }
}
