package dev.rover.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveBrowserTest {

    @TempDir
    static Path temp;

    static ActionTestServer server;
    static LiveBrowser browser;

    @BeforeAll
    static void start() throws IOException {
        server = new ActionTestServer();
        browser = LiveBrowser.launch(BrowserOptions.builder()
                .userAgent("RoverTest/1.0")
                .extraHttpHeader("X-Rover-Test", "hello")
                .locale("fr-FR")
                .viewport(900, 600)
                .build());
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    @Test
    void contextOptionsAreApplied() {
        List<Object> seen = browser.call(p -> {
            p.page().navigate(server.url("/headers"));
            return List.of(p.page().textContent("body"),
                    p.page().evaluate("navigator.userAgent"),
                    p.page().evaluate("navigator.language"),
                    p.page().evaluate("window.innerWidth"));
        });
        assertThat(seen).containsExactly("hello", "RoverTest/1.0", "fr-FR", 900);
    }

    @Test
    void browserObjectsRefuseToBeUsedFromAnotherThread() {
        BrowserPage leaked = browser.call(p -> p);
        assertThatThrownBy(leaked::page)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("go through LiveBrowser.call");
        String owner = browser.call(p -> Thread.currentThread().getName());
        assertThat(owner).startsWith("rover-browser-").isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void callsFromManyThreadsAreSerialisedOnTheOwningThread() {
        List<CompletableFuture<String>> futures = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> browser.call(p -> {
                    p.page().navigate(server.url("/second.html?n=" + i));
                    return p.page().url();
                })))
                .toList();
        for (int i = 0; i < futures.size(); i++) {
            assertThat(futures.get(i).join()).endsWith("/second.html?n=" + i);
        }
    }

    @Test
    void exceptionsThrownByTheWorkReachTheCaller() {
        assertThatThrownBy(() -> browser.run(p -> {
            throw new IllegalArgumentException("bad work");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad work");
    }

    @Test
    void theTraceIsWrittenAsAZipAndCanBeRestarted() throws IOException {
        browser.run(p -> p.page().navigate(server.url("/form.html")));
        Path zip = temp.resolve("run-1/recording.zip");
        assertThat(browser.stopTracing(zip)).isTrue();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertThat(file.stream().map(java.util.zip.ZipEntry::getName)).anyMatch(n -> n.endsWith(".trace"));
        }
        assertThat(browser.stopTracing(temp.resolve("again.zip"))).isFalse();
        browser.startTracing();
        assertThat((Boolean) browser.call(p -> p.traces().isRecording())).isTrue();
    }

    @Test
    void aBrowserWithTracingOffWritesNoTraceAndAClosedBrowserRefusesWork() {
        LiveBrowser quiet = LiveBrowser.launch(BrowserOptions.builder().tracing(false).build());
        try {
            assertThat(quiet.stopTracing(temp.resolve("none.zip"))).isFalse();
            assertThat(temp.resolve("none.zip")).doesNotExist();
        } finally {
            quiet.close();
        }
        assertThat(quiet.isClosed()).isTrue();
        assertThatThrownBy(() -> quiet.call(p -> p.page().url()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this browser is closed");
    }

    @Test
    void aBrowserCanBeClosedFromInsideItsOwnWork() {
        LiveBrowser self = LiveBrowser.launch(BrowserOptions.builder().tracing(false).build());
        self.run(p -> self.close());
        assertThat(self.isClosed()).isTrue();
        assertThatThrownBy(() -> self.run(p -> p.page())).hasMessage("this browser is closed");
    }

    @Test
    void launchingAMissingExecutableFailsWithTheExecutableNamed() {
        Path missing = temp.resolve("no-such-chromium");
        assertThatThrownBy(() -> LiveBrowser.launch(BrowserOptions.builder().executable(missing).build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not launch Chromium " + missing);
    }
}
