package dev.rover.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import dev.rover.browser.action.ActionExecutor;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs of one process share one Chromium, each in a context of its own; the driver comes from a per-installation folder. */
class SharedBrowsersTest {

    static ActionTestServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new ActionTestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void sharedBrowsersUseOneChromiumWithIsolatedContexts() {
        BrowserOptions options = BrowserOptions.builder().tracing(false).build();
        try (LiveBrowser first = LiveBrowser.shared(options); LiveBrowser second = LiveBrowser.shared(options)) {
            assertThat(first.isShared()).isTrue();
            assertThat(second.isShared()).isTrue();
            // the same Chromium, a context each
            BrowserContext firstContext = first.call(BrowserPage::context);
            assertThat(second.<Browser>call(BrowserPage::browser)).isSameAs(first.<Browser>call(BrowserPage::browser));
            assertThat(second.<BrowserContext>call(BrowserPage::context)).isNotSameAs(firstContext);
            assertThat(SharedBrowsers.open()).isEqualTo(1);

            first.run(p -> p.page().navigate(server.url("/page.html")));
            first.run(p -> p.page().evaluate("localStorage.setItem('user', 'ann')"));
            second.run(p -> p.page().navigate(server.url("/protected")));
            assertThat(second.<String>call(p -> p.page().textContent("#user"))).isEqualTo("anonymous");

            first.close();
            // closing one run's context leaves the other run's browser working
            assertThat(second.<Boolean>call(p -> p.browser().contexts().contains(firstContext))).isFalse();
            assertThat(second.<String>call(p -> p.page().title())).isNotNull();
        }
    }

    @Test
    void aBrowserThatServedTwoRunsMakesTheNextRunsFreshContextBetweenRuns() {
        BrowserOptions options = BrowserOptions.builder().tracing(false).viewport(1111, 700).build();
        for (int i = 0; i < 2; i++) {
            try (LiveBrowser run = LiveBrowser.shared(options)) {
                run.run(p -> p.page().navigate(server.url("/login")));
                run.run(p -> p.page().evaluate("localStorage.setItem('user', 'ann')"));
                assertThat(run.<String>call(p -> p.page().textContent("#cookie"))).isEqualTo("cookie-ok");
            }
        }
        LiveBrowser.settleShared();
        BrowserHost host = SharedBrowsers.acquire(options);
        try {
            BrowserContext warm = host.submit(() -> host.warmContext().orElseThrow());
            try (LiveBrowser next = LiveBrowser.shared(options)) {
                assertThat(next.<BrowserContext>call(BrowserPage::context)).isSameAs(warm);
                // nothing of the earlier runs is in it
                next.run(p -> p.page().navigate(server.url("/protected")));
                assertThat(next.<String>call(p -> p.page().textContent("#cookie"))).isEqualTo("no-cookie");
                assertThat(next.<String>call(p -> p.page().textContent("#user"))).isEqualTo("anonymous");
                assertThat(next.<Integer>call(p -> p.context().pages().size())).isEqualTo(1);
            }
            LiveBrowser.settleShared();
            BrowserContext madeForOthers = host.submit(() -> host.warmContext().orElseThrow());

            // a run with other options gets a context made for them; after it, the next context is made for its options
            BrowserOptions wider = options.toBuilder().viewport(1300, 700).build();
            try (LiveBrowser other = LiveBrowser.shared(wider)) {
                assertThat(other.<BrowserContext>call(BrowserPage::context)).isNotSameAs(madeForOthers);
                assertThat(other.<Integer>call(p -> p.page().viewportSize().width)).isEqualTo(1300);
            }
            LiveBrowser.settleShared();
            BrowserContext madeForWider = host.submit(() -> host.warmContext().orElseThrow());
            assertThat(madeForWider).isNotSameAs(madeForOthers);
            assertThat(host.<Boolean>submit(() -> host.browser().contexts().contains(madeForOthers))).isFalse();
            assertThat(host.<Integer>submit(() -> madeForWider.pages().get(0).viewportSize().width)).isEqualTo(1300);
        } finally {
            SharedBrowsers.release(host);
        }
    }

    @Test
    void textIsFilledAtOnceUnlessTheFieldListensForKeys() {
        try (LiveBrowser browser = LiveBrowser.shared(BrowserOptions.builder().tracing(false).build())) {
            browser.run(p -> p.page().navigate(server.url("/keys.html")));
            ActionExecutor executor = ActionExecutor.withDefaults();
            ActionResult plain = browser.call(p -> executor.execute(p, new BrowserAction.InputText(Target.id("k1"), "hello")));
            ActionResult city = browser.call(p -> executor.execute(p, new BrowserAction.InputText(Target.id("k2"), "Lyon")));

            assertThat(List.of(plain.success(), city.success())).containsOnly(true);
            assertThat(browser.<String>call(p -> p.page().inputValue("#plain"))).isEqualTo("hello");
            assertThat(browser.<String>call(p -> p.page().inputValue("#city"))).isEqualTo("Lyon");
            // one fill: no key events; the combobox saw each of its four keys (and the clearing before them)
            assertThat(browser.<String>call(p -> p.page().textContent("#counts"))).matches("\\{\"plain\":0,\"city\":[45]\\}");
        }
    }

    @Test
    void anElementInsideAnOpenShadowRootIsFoundByItsId() {
        try (LiveBrowser browser = LiveBrowser.shared(BrowserOptions.builder().tracing(false).build())) {
            browser.run(p -> p.page().navigate(server.url("/page.html")));
            browser.run(p -> p.page().evaluate("() => { const host = document.createElement('div'); host.id = 'shadow-host'; document.body.append(host);"
                    + " host.attachShadow({mode: 'open'}).innerHTML = '<button data-rover-id=\"s1\" onclick=\"this.textContent = 42\">Go</button>'; }"));
            ActionExecutor executor = ActionExecutor.withDefaults();

            ActionResult clicked = browser.call(p -> executor.execute(p, new BrowserAction.Click(Target.id("s1"))));
            ActionResult missing = browser.call(p -> executor.execute(p, new BrowserAction.Click(Target.id("s9"))));

            assertThat(clicked.success()).as(clicked.failureReason()).isTrue();
            assertThat(browser.<Object>call(p -> p.page().evaluate("() => document.getElementById('shadow-host').shadowRoot.querySelector('button').textContent")))
                    .isEqualTo("42");
            assertThat(missing.failureReason()).isEqualTo("no element s9 on the page");
        }
    }

    @Test
    void playwrightRunsTheDriverUnpackedOnceIntoTheCache() throws IOException {
        try (LiveBrowser browser = LiveBrowser.shared(BrowserOptions.builder().tracing(false).build())) {
            assertThat(browser.<Boolean>call(p -> p.browser().isConnected())).isTrue();
        }
        String cliDir = System.getProperty("playwright.cli.dir");
        assertThat(cliDir).as("playwright.cli.dir").isNotNull();
        Path folder = Path.of(cliDir);
        assertThat(folder.resolve("package").resolve("cli.js")).isRegularFile();
        assertThat(Files.readString(folder.resolve(".rover-complete")).trim()).isEqualTo(DriverCache.version());
    }

    @Test
    void anUnpackedDriverIsReusedAndAnIncompleteOneIsReplaced(@org.junit.jupiter.api.io.TempDir Path temp) throws IOException {
        Path folder = temp.resolve("driver");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("leftover"), "from a crash half-way");

        DriverCache.ensureUnpacked(folder);
        assertThat(folder.resolve("leftover")).doesNotExist();
        Path marker = folder.resolve(".rover-complete");
        assertThat(marker).isRegularFile();
        var unpackedAt = Files.getLastModifiedTime(marker);

        DriverCache.ensureUnpacked(folder);
        assertThat(Files.getLastModifiedTime(marker)).isEqualTo(unpackedAt);
        try (var siblings = Files.list(temp)) {
            assertThat(siblings).as("no staging folders are left").containsExactly(folder);
        }
    }
}
