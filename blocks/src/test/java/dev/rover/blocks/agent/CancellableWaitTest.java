package dev.rover.blocks.agent;

import dev.rover.blocks.fakes.FakeBrowser;
import dev.rover.blocks.fakes.Pages;
import dev.rover.core.page.RunBrowser;
import dev.rover.core.exec.RunSecrets;
import dev.rover.core.exec.BlockStatus;
import dev.rover.core.run.CancellationToken;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.DownloadedFile;
import dev.rover.core.page.PageSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;

import static dev.rover.blocks.agent.LoopFixture.act;
import static dev.rover.blocks.agent.LoopFixture.complete;
import static org.assertj.core.api.Assertions.assertThat;

/** An engine's wait is performed in slices, so a cancel (Ctrl-C) during it is noticed within half a second. */
class CancellableWaitTest {

    @Test
    void aWaitIsSlicedAndCappedAtThirtySeconds() {
        var f = new LoopFixture(new FakeBrowser(Pages.page("https://shop.test/", "Shop")));

        ActionResult ten = CancellableWait.perform(f.services(), new BrowserAction.Wait(10), null);
        ActionResult long100 = CancellableWait.perform(f.services(), new BrowserAction.Wait(100), null);
        ActionResult short01 = CancellableWait.perform(f.services(), new BrowserAction.Wait(0.2), null);

        assertThat(ten.success()).isTrue();
        assertThat(long100.success()).isTrue();
        assertThat(short01.success()).isTrue();
        assertThat(f.browser.performed).hasSize(20 + 60 + 1).allMatch(a -> a instanceof BrowserAction.Wait w && w.seconds() <= 0.5);
        assertThat(f.browser.performed.get(80)).isEqualTo(new BrowserAction.Wait(0.2));
    }

    @Test
    void aCancelDuringAWaitEndsItAndTheBlockIsCanceled() {
        CancellationToken token = new CancellationToken();
        CancelingBrowser browser = new CancelingBrowser(new FakeBrowser(Pages.page("https://shop.test/", "Shop")), token, 3);
        var f = new LoopFixture(browser.delegate);
        f.engine.decide(act("wait for the page", new BrowserAction.Wait(30)), complete("done"));
        AgentServices services = new AgentServices(f.engine, browser, RunSecrets.NONE, f.artifacts, f.steps::add, token, null,
                Clock.systemUTC());

        AgentOutcome outcome = new AgentLoop(services).run(AgentGoal.builder("wait", "Wait").verifyCompletion(false).build());

        assertThat(browser.waits).isEqualTo(3);
        assertThat(outcome.status()).isEqualTo(BlockStatus.CANCELED);
    }

    /** Cancels the run during the n-th wait slice, as a Ctrl-C would. */
    private static final class CancelingBrowser implements RunBrowser {
        final FakeBrowser delegate;
        final CancellationToken token;
        final int cancelAt;
        int waits;

        CancelingBrowser(FakeBrowser delegate, CancellationToken token, int cancelAt) {
            this.delegate = delegate;
            this.token = token;
            this.cancelAt = cancelAt;
        }

        @Override
        public PageSnapshot observe(boolean everyElementInFull) {
            return delegate.observe(everyElementInFull);
        }

        @Override
        public ActionResult perform(BrowserAction action, UnaryOperator<String> secrets) {
            if (action instanceof BrowserAction.Wait && ++waits == cancelAt) {
                token.cancel();
            }
            return delegate.perform(action, secrets);
        }

        @Override
        public byte[] screenshot(boolean fullPage, int maxScrolls) {
            return delegate.screenshot(fullPage, maxScrolls);
        }

        @Override
        public ActionResult navigate(String url) {
            return delegate.navigate(url);
        }

        @Override
        public String currentUrl() {
            return delegate.currentUrl();
        }

        @Override
        public List<DownloadedFile> downloads() {
            return delegate.downloads();
        }
    }
}
