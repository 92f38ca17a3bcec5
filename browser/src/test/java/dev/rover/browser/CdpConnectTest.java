package dev.rover.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Attaching to a browser someone else started ({@code browser_address}). */
class CdpConnectTest {

    @TempDir
    static Path profile;

    static Process chromium;
    static String address;
    static ActionTestServer server;

    @BeforeAll
    static void startChromium() throws IOException {
        server = new ActionTestServer();
        List<String> command = new ArrayList<>(List.of("/usr/bin/chromium", "--headless",
                "--remote-debugging-port=0", "--user-data-dir=" + profile));
        command.addAll(BrowserOptions.QUIET_FLAGS);
        command.add("about:blank");
        chromium = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!(Files.exists(portFile) && Files.size(portFile) > 0) && System.nanoTime() < deadline && chromium.isAlive()) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        assertThat(portFile).as("Chromium wrote its DevTools port").exists();
        String port = Files.readAllLines(portFile).get(0).trim();
        address = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stopChromium() throws InterruptedException {
        server.close();
        if (chromium != null) {
            chromium.descendants().forEach(ProcessHandle::destroy);
            chromium.destroy();
            if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
                chromium.destroyForcibly();
            }
        }
    }

    @Test
    void attachesOverCdpAndLeavesTheBrowserRunningOnClose() {
        try (LiveBrowser attached = LiveBrowser.launch(BrowserOptions.builder().cdpAddress(address).tracing(false).build())) {
            String heading = attached.call(p -> {
                p.page().navigate(server.url("/second.html"));
                return p.page().textContent("#heading");
            });
            assertThat(heading).isEqualTo("Second page");
        }
        assertThat(chromium.isAlive()).as("the external browser is not ours to stop").isTrue();
    }
}
