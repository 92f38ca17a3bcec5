package dev.rover.browser;

import com.microsoft.playwright.BrowserContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** When a browser makes the next run's context ahead of time, and what that context is like, in real Chromium. */
class WarmContextTest {

    static BrowserHost host;

    @BeforeAll
    static void start() {
        host = BrowserHost.start(BrowserOptions.builder().tracing(false).build());
    }

    @AfterAll
    static void stop() {
        host.stop();
    }

    @Test
    void aBrowserMakesNoneUntilItServedTwoRunsAndNoneForAStorageStateFile() throws Exception {
        WarmContext warm = new WarmContext();
        BrowserOptions options = BrowserOptions.builder().tracing(false).build();
        Path state = Files.createTempFile("rover-state", ".json");
        Files.writeString(state, "{\"cookies\":[],\"origins\":[]}");
        BrowserOptions withState = options.toBuilder().storageState(state).build();
        host.submit(() -> {
            warm.take(host.browser(), options).close();
            warm.prepare(host.browser(), options);
            assertThat(warm.ready()).as("after one run").isEmpty();

            warm.take(host.browser(), withState).close();
            warm.prepare(host.browser(), withState);
            assertThat(warm.ready()).as("for a storage-state file").isEmpty();

            warm.prepare(host.browser(), options);
            assertThat(warm.ready()).as("after two runs").isPresent();
            warm.close();
            return null;
        });
    }

    @Test
    void theContextMadeAheadHasTheRunsViewportAndOneBlankTab() {
        WarmContext warm = new WarmContext();
        BrowserOptions options = BrowserOptions.builder().tracing(false).viewport(1024, 600).locale("fr-FR")
                .actionTimeout(Duration.ofSeconds(2)).build();
        host.submit(() -> {
            warm.take(host.browser(), options).close();
            warm.take(host.browser(), options).close();
            warm.prepare(host.browser(), options);
            BrowserContext made = warm.ready().orElseThrow();
            BrowserContext taken = warm.take(host.browser(), options);
            try {
                assertThat(taken).isSameAs(made);
                assertThat(warm.ready()).isEmpty();
                assertThat(taken.pages()).hasSize(1);
                assertThat(taken.pages().get(0).url()).isEqualTo("about:blank");
                assertThat(taken.pages().get(0).viewportSize().width).isEqualTo(1024);
                assertThat(taken.pages().get(0).evaluate("navigator.language")).isEqualTo("fr-FR");
            } finally {
                taken.close();
            }
            return null;
        });
    }
}
