package dev.rover.browser.run;

import dev.rover.browser.ActionTestServer;
import dev.rover.browser.BrowserOptions;
import dev.rover.browser.observe.ObserveOptions;
import dev.rover.browser.session.BrowserSessions;
import dev.rover.core.page.RunBrowser;
import dev.rover.core.page.TraceMode;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** A run's lease keeps its trace as the trace mode says, and says why there is none. */
class RunBrowserLeaseTest {

    @TempDir
    static Path temp;

    static ActionTestServer server;
    static BrowserSessions sessions;

    @BeforeAll
    static void start() throws IOException {
        server = new ActionTestServer();
        sessions = new BrowserSessions();
    }

    @AfterAll
    static void stop() {
        sessions.close();
        server.close();
    }

    private static RunBrowserLease lease(TraceMode mode) {
        BrowserOptions options = BrowserOptions.builder().trace(mode).downloadsFolder(temp.resolve("downloads")).build();
        return new RunBrowserLease(RunId.next(RunType.WORKFLOW), options, sessions, null, ObserveOptions.DEFAULTS);
    }

    private static void visit(RunBrowserLease lease) {
        RunBrowser browser = lease.get();
        assertThat(browser.navigate(server.url("/page.html")).success()).isTrue();
    }

    @Test
    void onFailureDropsTheTraceOfACompletedRunAndSaysWhy() {
        RunBrowserLease lease = lease(TraceMode.ON_FAILURE);
        visit(lease);
        Path recording = temp.resolve("completed.zip");

        assertThat(lease.whyNoRecording(true)).hasValueSatisfying(why -> assertThat(why).contains("on-failure").contains("ROVER_TRACE=always"));
        assertThat(lease.finish(recording, UnaryOperator.identity(), true)).isFalse();
        assertThat(recording).doesNotExist();
    }

    @Test
    void onFailureKeepsTheTraceOfARunThatDidNotComplete() {
        RunBrowserLease lease = lease(TraceMode.ON_FAILURE);
        visit(lease);
        Path recording = temp.resolve("failed.zip");

        assertThat(lease.whyNoRecording(false)).isEmpty();
        assertThat(lease.finish(recording, UnaryOperator.identity(), false)).isTrue();
        assertThat(recording).isRegularFile();
    }

    @Test
    void onFailureDoesNotTraceReplayedWorkAndSaysWhy() {
        RunBrowserLease lease = lease(TraceMode.ON_FAILURE);
        RunBrowser browser = lease.get();
        assertThat(browser.replaying(() -> browser.navigate(server.url("/page.html"))).success()).isTrue();
        assertThat(browser.screenshot(false, 0)).isNotEmpty();
        Path recording = temp.resolve("replayed.zip");

        assertThat(browser.traceDeferred()).isTrue();
        assertThat(lease.whyNoRecording(false)).hasValueSatisfying(why -> assertThat(why)
                .contains("replayed from its script").contains("ROVER_TRACE=always"));
        assertThat(lease.finish(recording, UnaryOperator.identity(), false)).isFalse();
        assertThat(recording).doesNotExist();
    }

    @Test
    void onFailureTracesFromTheFirstWorkThatIsNotReplayed() {
        RunBrowserLease lease = lease(TraceMode.ON_FAILURE);
        RunBrowser browser = lease.get();
        browser.replaying(() -> browser.navigate(server.url("/page.html")));
        assertThat(browser.traceDeferred()).isTrue();
        assertThat(browser.observe().elements()).isNotEmpty(); // the agent taking over
        Path recording = temp.resolve("fallback.zip");

        assertThat(browser.traceDeferred()).isFalse();
        assertThat(lease.whyNoRecording(false)).isEmpty();
        assertThat(lease.finish(recording, UnaryOperator.identity(), false)).isTrue();
        assertThat(recording).isRegularFile();
    }

    @Test
    void alwaysTracesReplayedWorkToo() {
        RunBrowserLease lease = lease(TraceMode.ALWAYS);
        RunBrowser browser = lease.get();
        browser.replaying(() -> browser.navigate(server.url("/page.html")));

        assertThat(browser.traceDeferred()).isFalse();
        assertThat(lease.finish(temp.resolve("always-replayed.zip"), UnaryOperator.identity(), true)).isTrue();
        assertThat(temp.resolve("always-replayed.zip")).isRegularFile();
    }

    @Test
    void alwaysKeepsEveryTraceAndOffRecordsNone() {
        RunBrowserLease always = lease(TraceMode.ALWAYS);
        visit(always);
        assertThat(always.finish(temp.resolve("always.zip"), UnaryOperator.identity(), true)).isTrue();
        assertThat(temp.resolve("always.zip")).isRegularFile();

        RunBrowserLease off = lease(TraceMode.OFF);
        visit(off);
        assertThat(off.whyNoRecording(false)).hasValueSatisfying(why -> assertThat(why).contains("tracing is off"));
        assertThat(off.finish(temp.resolve("off.zip"), UnaryOperator.identity(), false)).isFalse();
        assertThat(temp.resolve("off.zip")).doesNotExist();
    }
}
