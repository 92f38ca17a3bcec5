package dev.rover.samples.offline;

import dev.rover.blocks.agent.AgentGoal;
import dev.rover.blocks.agent.AgentLoop;
import dev.rover.blocks.agent.AgentOutcome;
import dev.rover.blocks.agent.AgentServices;
import dev.rover.browser.run.PlaywrightRunBrowser;
import dev.rover.core.page.RunBrowser;
import dev.rover.core.exec.RunSecrets;
import dev.rover.browser.BrowserOptions;
import dev.rover.browser.LiveBrowser;
import dev.rover.browser.observe.ObserveOptions;
import dev.rover.core.run.CancellationToken;
import dev.rover.core.exec.BlockStatus;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.DownloadedFile;
import dev.rover.core.page.PageSnapshot;
import dev.rover.llm.offline.OfflineEngine;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Runs the phrasing corpus through the real agent loop with the offline engine, one headless
 * Chromium for all cases, and judges each run by the page it leaves: completed with the expected
 * outcome (a success), completed with another outcome (a wrong completion), or refused.
 */
public final class OfflineBench {

    /** How one case ended. */
    public enum Verdict { SUCCESS, WRONG_COMPLETION, REFUSED, REFUSED_AS_EXPECTED }

    /** One case's run: its verdict, the block status and the reason or the page mismatches. */
    public record CaseResult(PhrasingCorpus.Case kase, Verdict verdict, BlockStatus status, String detail) {
    }

    /** The whole corpus's figures. */
    public record Summary(List<CaseResult> results) {
        public long successes() {
            return results.stream().filter(r -> r.verdict() == Verdict.SUCCESS || r.verdict() == Verdict.REFUSED_AS_EXPECTED).count();
        }

        public long wrongCompletions() {
            return results.stream().filter(r -> r.verdict() == Verdict.WRONG_COMPLETION).count();
        }

        public long refusals() {
            return results.stream().filter(r -> r.verdict() == Verdict.REFUSED || r.verdict() == Verdict.REFUSED_AS_EXPECTED).count();
        }

        public double successRate() {
            return results.isEmpty() ? 0 : successes() / (double) results.size();
        }

        /** The closing line: {@code RESULT offline_success=... wrong_completions=... refusals=...}. */
        public String resultLine() {
            return String.format(Locale.ROOT, "RESULT offline_success=%.3f wrong_completions=%d refusals=%d", successRate(),
                    wrongCompletions(), refusals());
        }
    }

    private static final int MAX_STEPS = 10;
    private static final Duration CASE_TIME_LIMIT = Duration.ofSeconds(60);

    private final OfflineEngine engine = new OfflineEngine();

    /** Runs every case, printing one line per case to {@code out} (null for none). */
    public Summary run(List<PhrasingCorpus.Case> cases, PrintStream out) {
        List<CaseResult> results = new ArrayList<>();
        BrowserOptions options = BrowserOptions.builder().tracing(false).build();
        try (CorpusPageServer server = CorpusPageServer.start(); LiveBrowser live = LiveBrowser.launch(options)) {
            RunBrowser browser = new QuietBrowser(new PlaywrightRunBrowser(live, ObserveOptions.DEFAULTS));
            for (PhrasingCorpus.Case c : cases) {
                CaseResult r = runCase(c, server, live, browser);
                results.add(r);
                if (out != null) {
                    out.printf(Locale.ROOT, "%-19s #%-3d %-16s %s%n    -> %s%n", r.verdict(), c.number(), c.page(),
                            c.goal().replace('\n', ' '), r.detail().replace('\n', ' '));
                }
            }
        }
        return new Summary(results);
    }

    private CaseResult runCase(PhrasingCorpus.Case c, CorpusPageServer server, LiveBrowser live, RunBrowser browser) {
        ActionResult loaded = browser.navigate(server.url(c.page()));
        if (!loaded.success()) {
            throw new IllegalStateException("corpus page " + c.page() + " did not load: " + loaded.failureReason());
        }
        Clock clock = Clock.systemUTC();
        AgentServices services = new AgentServices(engine, browser, RunSecrets.NONE,
                (type, block, step, file, contentType, content) -> "a_bench", entry -> { }, new CancellationToken(),
                clock.instant().plus(CASE_TIME_LIMIT), clock);
        AgentOutcome outcome = new AgentLoop(services).run(AgentGoal.builder("corpus-" + c.number(), c.goal()).maxSteps(MAX_STEPS).build());
        if (outcome.status() != BlockStatus.COMPLETED) {
            return new CaseResult(c, c.refuse() ? Verdict.REFUSED_AS_EXPECTED : Verdict.REFUSED, outcome.status(), outcome.reason());
        }
        if (c.refuse()) {
            return new CaseResult(c, Verdict.WRONG_COMPLETION, outcome.status(), "completed where a refusal was expected: " + outcome.reason());
        }
        List<String> mismatches = live.call(p -> PageOutcome.mismatches(p.page(), c.expect()));
        return mismatches.isEmpty()
                ? new CaseResult(c, Verdict.SUCCESS, outcome.status(), outcome.reason())
                : new CaseResult(c, Verdict.WRONG_COMPLETION, outcome.status(), "completed but " + String.join("; ", mismatches));
    }

    /** The run browser without screenshots: the benchmark measures the engine's reading, not image capture. */
    private record QuietBrowser(RunBrowser delegate) implements RunBrowser {
        @Override public PageSnapshot observe(boolean everyElementInFull) { return delegate.observe(everyElementInFull); }
        @Override public ActionResult perform(BrowserAction action, UnaryOperator<String> secrets) { return delegate.perform(action, secrets); }
        @Override public byte[] screenshot(boolean fullPage, int maxScrolls) { return new byte[0]; }
        @Override public ActionResult navigate(String url) { return delegate.navigate(url); }
        @Override public String currentUrl() { return delegate.currentUrl(); }
        @Override public List<DownloadedFile> downloads() { return delegate.downloads(); }
    }
}
