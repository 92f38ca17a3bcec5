package dev.rover.blocks.types;

import dev.rover.blocks.fakes.FakeBrowser;
import dev.rover.blocks.fakes.Pages;
import dev.rover.core.exec.RunHandle;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static dev.rover.blocks.types.BlockHarness.block;
import static dev.rover.blocks.types.BlockHarness.string;
import static dev.rover.blocks.types.BlockHarness.v1;
import static dev.rover.blocks.types.BlockHarness.workflow;
import static org.assertj.core.api.Assertions.assertThat;

class WaitAndGotoBlockTest {

    private final BlockHarness h = new BlockHarness(new FakeBrowser(Pages.page("https://shop.test/", "Shop")));

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void waitCompletesWithSuccessAndNeverStartsTheBrowser() {
        Run run = h.run(v1(block("wait", "pause", "wait_sec", 0.05)));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.output()).isEqualTo(Map.of("pause_output", Map.of("success", true)));
        assertThat(h.browserRequests).hasValue(0);
    }

    @Test
    void waitSecondsMayComeFromATemplate() {
        Run run = h.run(workflow(1, List.of(string("delay")), block("wait", "pause", "wait_sec", "{{ delay }}")), Map.of("delay", "0.05"));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void waitOutsideItsRangeFailsNamingTheRange() {
        assertThat(h.run(v1(block("wait", "pause", "wait_sec", 0))).failureReason()).contains("0 < wait_sec <= 1800").contains("got 0");
        assertThat(h.run(v1(block("wait", "pause", "wait_sec", 1801))).failureReason()).contains("0 < wait_sec <= 1800");
        assertThat(h.run(v1(block("wait", "pause"))).failureReason()).contains("got nothing");
    }

    @Test
    void aCancelEndsAWaitWellUnderTwoSeconds() throws Exception {
        RunHandle handle = h.start(v1(block("wait", "pause", "wait_sec", 600)), h.options(Map.of()).build());
        awaitBlockStarted(handle);

        long before = System.nanoTime();
        handle.cancel();
        Run run = handle.await(Duration.ofSeconds(2));

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofMillis(500));
        assertThat(run.status()).isEqualTo(RunStatus.CANCELED);
    }

    @Test
    void theRunDeadlineEndsAWaitAsTimedOut() throws Exception {
        long before = System.nanoTime();
        Run run = h.executor.run(v1(block("wait", "pause", "wait_sec", 600), block("goto_url", "after", "url", "https://x.test/")),
                h.options(Map.of()).elapsedTimeOverride(Duration.ofMillis(300)).build());

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(2));
        assertThat(run.status()).isEqualTo(RunStatus.TIMED_OUT);
        assertThat(h.browser.navigations).isEmpty();
    }

    @Test
    void gotoUrlNavigatesAndReportsTheUrl() {
        Run run = h.run(v1(block("goto_url", "open", "url", "https://shop.test/orders")));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.browser.navigations).containsExactly("https://shop.test/orders");
        assertThat(run.output()).isEqualTo(Map.of("open_output", Map.of("url", "https://shop.test/orders")));
    }

    @Test
    void gotoUrlWithAnEmptyUrlFails() {
        Run run = h.run(v1(block("goto_url", "open", "url", "  ")));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason()).contains("goto_url block 'open' has an empty url");
    }

    private void awaitBlockStarted(RunHandle handle) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (h.store.timeline(handle.runId()).isEmpty() && System.nanoTime() < until) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        assertThat(h.store.timeline(handle.runId())).as("the wait block started").isNotEmpty();
    }
}
