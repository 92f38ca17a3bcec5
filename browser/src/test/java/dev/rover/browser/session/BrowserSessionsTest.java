package dev.rover.browser.session;

import dev.rover.browser.ActionTestServer;
import dev.rover.browser.BrowserOptions;
import dev.rover.browser.LiveBrowser;
import dev.rover.core.run.RunId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrowserSessionsTest {

    static final BrowserOptions OPTIONS = BrowserOptions.builder().tracing(false).build();
    static ActionTestServer server;

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    final AtomicInteger launched = new AtomicInteger();

    @BeforeAll
    static void startServer() throws IOException {
        server = new ActionTestServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private BrowserSessions registry(Duration reapEvery) {
        return new BrowserSessions(options -> {
            launched.incrementAndGet();
            return LiveBrowser.launch(options);
        }, clock, reapEvery);
    }

    @Test
    void aSessionIsLentToOneRunAtATimeAndKeepsItsPageBetweenRuns() {
        try (BrowserSessions sessions = registry(Duration.ofHours(1))) {
            BrowserSession session = sessions.create(OPTIONS);
            assertThat(session.id()).startsWith("pbs_");
            assertThat(session.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(60)));
            assertThat(sessions.get(session.id())).containsSame(session);
            assertThat(sessions.list()).containsExactly(session);

            RunId first = RunId.of("wr_01first");
            RunId second = RunId.of("wr_02second");
            sessions.acquire(session.id(), first);
            session.browser().run(p -> p.page().navigate(server.url("/second.html")));
            assertThatThrownBy(() -> sessions.acquire(session.id(), second))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("browser session " + session.id() + " is in use by run wr_01first");
            assertThatThrownBy(() -> sessions.release(session.id(), second))
                    .hasMessageContaining("is not in use by run wr_02second but by run wr_01first");

            sessions.release(session.id(), first);
            BrowserSession again = sessions.acquire(session.id(), second);
            assertThat(again.inUseBy()).contains(second);
            assertThat((String) again.browser().call(p -> p.page().url())).endsWith("/second.html");

            assertThat(sessions.close(session.id())).isTrue();
            assertThat(session.browser().isClosed()).isTrue();
            assertThat(sessions.get(session.id())).isEmpty();
            assertThatThrownBy(() -> sessions.acquire(session.id(), first))
                    .isInstanceOf(NoSuchElementException.class)
                    .hasMessageContaining("no browser session " + session.id());
        }
    }

    @Test
    void timeoutsBeyondADayAreRefusedBeforeLaunchingAnything() {
        try (BrowserSessions sessions = registry(Duration.ofHours(1))) {
            assertThatThrownBy(() -> sessions.create(OPTIONS, Duration.ofHours(25)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at most 24 hours");
            assertThatThrownBy(() -> sessions.create(OPTIONS, Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(launched).hasValue(0);
        }
    }

    @Test
    void expiredSessionsAreReapedAndClosingTheRegistryClosesTheRest() {
        BrowserSession kept;
        BrowserSession expiring;
        try (BrowserSessions sessions = registry(Duration.ofMillis(50))) {
            expiring = sessions.create(OPTIONS, Duration.ofMinutes(5));
            kept = sessions.create(OPTIONS, Duration.ofHours(2));
            clock.advance(Duration.ofMinutes(6));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (sessions.get(expiring.id()).isPresent() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            assertThat(sessions.get(expiring.id())).isEmpty();
            assertThat(expiring.browser().isClosed()).isTrue();
            assertThat(sessions.list()).containsExactly(kept);
        }
        assertThat(kept.browser().isClosed()).isTrue();
    }

    /** A clock tests move forward by hand. */
    static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration by) {
            now.updateAndGet(i -> i.plus(by));
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
