package dev.rover.browser.run;

import dev.rover.browser.BrowserOptions;
import dev.rover.browser.LiveBrowser;
import dev.rover.browser.observe.ObserveOptions;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Element;
import dev.rover.core.page.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The run browser on real headless Chromium: secrets typed into any field are masked afterwards. */
class PlaywrightRunBrowserTest {

    private static final String PLACEHOLDER = "placeholder_ab12_username";
    private static final String SECRET = "alice@example.test";

    @TempDir
    static Path downloads;

    private static LiveBrowser live;
    private static PlaywrightRunBrowser browser;

    @BeforeAll
    static void launch() {
        live = LiveBrowser.launch(BrowserOptions.builder().tracing(false).downloadsFolder(downloads).build());
        browser = new PlaywrightRunBrowser(live, ObserveOptions.DEFAULTS);
    }

    @AfterAll
    static void close() {
        live.close();
    }

    @BeforeEach
    void page() {
        live.run(p -> p.page().setContent("<label for=u>Login</label><input id=u type=text>"
                + "<label for=n>Note</label><input id=n type=text>"));
    }

    private static Element field(String name) {
        return browser.observe().elements().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aFieldThatReceivesASecretIsMarkedAndItsValueMaskedFromThenOn() {
        String id = field("Login").id();

        ActionResult typed = browser.perform(new BrowserAction.InputText(Target.id(id), PLACEHOLDER),
                text -> text.replace(PLACEHOLDER, SECRET));

        assertThat(typed.success()).isTrue();
        assertThat((Object) live.call(p -> p.page().inputValue("#u"))).isEqualTo(SECRET);
        assertThat((Object) live.call(p -> p.page().getAttribute("#u", "data-rover-secret"))).isNotNull();
        assertThat(field("Login").value()).isEqualTo(Element.MASKED);
    }

    @Test
    void aFieldGivenPlainTextStaysReadable() {
        String id = field("Note").id();

        assertThat(browser.perform(new BrowserAction.InputText(Target.id(id), "hello"), text -> text).success()).isTrue();

        assertThat((Object) live.call(p -> p.page().getAttribute("#n", "data-rover-secret"))).isNull();
        assertThat(field("Note").value()).isEqualTo("hello");
    }

    @Test
    void aSecretThatCannotBeProducedFailsTheActionWithItsReason() {
        String id = field("Login").id();

        ActionResult result = browser.perform(new BrowserAction.InputText(Target.id(id), "placeholder_zz99_totp"), text -> {
            throw new IllegalStateException("no one-time code was pushed for totp_identifier 'sms' within 120 s");
        });

        assertThat(result.success()).isFalse();
        assertThat(result.failureReason()).isEqualTo(
                "could not input_text: no one-time code was pushed for totp_identifier 'sms' within 120 s");
    }

    @Test
    void aPageNothingActedOnSinceTheLastScreenshotIsNotShotAgain() {
        byte[] first = browser.screenshot(false, 0);

        assertThat(browser.screenshot(false, 0)).isSameAs(first);
        assertThat(browser.screenshot(true, 3)).as("a full page that fits its viewport is the viewport").isSameAs(first);

        assertThat(browser.perform(new BrowserAction.InputText(Target.id(field("Note").id()), "hello"), text -> text).success()).isTrue();
        byte[] after = browser.screenshot(true, 3);
        assertThat(after).isNotSameAs(first).isNotEqualTo(first);
    }
}
