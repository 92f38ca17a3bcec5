package dev.rover.browser.session;

import dev.rover.browser.ActionTestServer;
import dev.rover.browser.BrowserOptions;
import dev.rover.browser.LiveBrowser;
import dev.rover.browser.action.ActionExecutor;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrowserProfilesTest {

    static final BrowserOptions OPTIONS = BrowserOptions.builder().tracing(false).build();
    static ActionTestServer server;

    @TempDir
    Path home;

    @BeforeAll
    static void startServer() throws IOException {
        server = new ActionTestServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static String protectedPage(LiveBrowser browser) {
        return browser.call(p -> {
            p.page().navigate(server.url("/protected"));
            return p.page().textContent("#cookie") + " / " + p.page().textContent("#user");
        });
    }

    @Test
    void aSavedProfileStartsANewBrowserLoggedIn() {
        BrowserProfiles profiles = new BrowserProfiles(home.resolve("profiles"));
        ActionExecutor executor = ActionExecutor.withDefaults();
        try (LiveBrowser browser = LiveBrowser.launch(OPTIONS)) {
            assertThat(protectedPage(browser)).isEqualTo("no-cookie / anonymous");
            browser.run(p -> {
                p.page().navigate(server.url("/login.html"));
                assertThat(executor.execute(p, new BrowserAction.InputText(Target.id("l1"), "alice")).success()).isTrue();
                assertThat(executor.execute(p, new BrowserAction.InputText(Target.id("l2"), "pw")).success()).isTrue();
                assertThat(executor.execute(p, new BrowserAction.Click(Target.id("l3"))).success()).isTrue();
            });
            assertThat(protectedPage(browser)).isEqualTo("cookie-ok / Logged in as alice");
            BrowserProfile saved = profiles.save("shop-alice", browser);
            assertThat(saved.file()).exists().content().contains("s3cr3t-session");
        }

        assertThat(profiles.list()).extracting(BrowserProfile::name).containsExactly("shop-alice");
        try (LiveBrowser restored = LiveBrowser.launch(profiles.launchOptions("shop-alice", OPTIONS))) {
            assertThat(protectedPage(restored)).isEqualTo("cookie-ok / Logged in as alice");
        }

        assertThat(profiles.delete("shop-alice")).isTrue();
        assertThat(profiles.list()).isEmpty();
        assertThatThrownBy(() -> profiles.launchOptions("shop-alice", OPTIONS))
                .hasMessageContaining("no browser profile 'shop-alice'");
    }

    @Test
    void profileNamesCannotEscapeTheFolder() {
        BrowserProfiles profiles = new BrowserProfiles(home);
        assertThatThrownBy(() -> profiles.find("../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("profile name '../etc/passwd'");
        assertThat(profiles.delete("unknown")).isFalse();
    }
}
