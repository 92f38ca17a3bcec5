package dev.rover.browser.observe;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.PlaywrightException;
import dev.rover.browser.DevToolsCalls;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rover's page scripts run through DevTools in real Chromium: installed once per window, in any out-of-process frame. */
class DevToolsCallsTest extends ChromiumPageTest {

    /** Counts its installs in the window it is installed in. */
    private static final DevToolsCalls.Script COUNTED = DevToolsCalls.Script.of(
            "(() => { window.installs = (window.installs || 0) + 1; return (a) => 'got ' + a.x + ' in ' + location.host; })()");

    @Test
    void aScriptIsInstalledOncePerWindowWhereThePageCannotReplaceIt() {
        server.load(page, "forms.html");
        String host = page.url().split("/")[2];

        for (int i = 0; i < 3; i++) {
            assertThat(DevToolsCalls.call(page.mainFrame(), COUNTED, "{\"x\": " + i + "}")).contains("got " + i + " in " + host);
        }

        assertThat(page.evaluate("() => window.installs")).isEqualTo(1);
        assertThat(page.evaluate("p => { const d = Object.getOwnPropertyDescriptor(window, p); return d.writable || d.configurable; }",
                COUNTED.property())).isEqualTo(false);
        server.load(page, "forms.html");
        assertThat(DevToolsCalls.call(page.mainFrame(), COUNTED, "{\"x\": 9}")).contains("got 9 in " + host);
        assertThat(page.evaluate("() => window.installs")).as("a new document installs it again").isEqualTo(1);
    }

    @Test
    void aCrossOriginFrameIsReachedThroughASessionOfItsOwn() {
        server.load(page, "frames.html");
        Frame cross = page.frames().stream().filter(f -> f.url().contains("frame-cross")).findFirst().orElseThrow();

        assertThat(DevToolsCalls.call(cross, COUNTED, "{\"x\": 1}"))
                .hasValueSatisfying(text -> assertThat(text).startsWith("got 1 in localhost:"));
    }

    @Test
    void aFrameInItsParentsProcessGetsNoAnswerSoTheCallerUsesPlaywright() {
        server.load(page, "frames.html");
        Frame same = page.frames().stream().filter(f -> f.url().contains("frame-child")).findFirst().orElseThrow();

        assertThat(DevToolsCalls.call(same, COUNTED, "{\"x\": 1}")).isEmpty();
    }

    @Test
    void aScriptThatThrowsFailsWithWhatItThrew() {
        server.load(page, "forms.html");
        DevToolsCalls.Script failing = DevToolsCalls.Script.of("(a) => { throw new TypeError('no ' + a.x); }");

        assertThatThrownBy(() -> DevToolsCalls.call(page.mainFrame(), failing, "{\"x\": \"luck\"}"))
                .isInstanceOf(PlaywrightException.class).hasMessage("TypeError: no luck"); // without the script's stack
    }
}
