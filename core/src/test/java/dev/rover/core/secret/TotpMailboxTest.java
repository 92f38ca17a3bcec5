package dev.rover.core.secret;

import dev.rover.core.run.CancellationToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TotpMailboxTest {

    @Test
    void aCodePushedBeforeTheWaitIsTakenOnce() throws InterruptedException {
        TotpMailbox mailbox = new TotpMailbox();
        mailbox.push("alice@example.test", " 123456 ");

        assertThat(mailbox.await("alice@example.test", Duration.ofSeconds(1), new CancellationToken())).contains("123456");
        assertThat(mailbox.poll("alice@example.test")).isEmpty();
    }

    @Test
    void aWaitingRunWakesUpWhenTheCodeIsPushed() throws Exception {
        TotpMailbox mailbox = new TotpMailbox();
        CompletableFuture<Optional<String>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return mailbox.await("bob", Duration.ofSeconds(20), new CancellationToken());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        mailbox.push("someone-else", "111111");
        mailbox.push("bob", "654321");

        assertThat(waiting.get(10, TimeUnit.SECONDS)).contains("654321");
        assertThat(mailbox.poll("someone-else")).contains("111111");
    }

    @Test
    void timesOutOrStopsOnCancellationWithoutACode() throws Exception {
        TotpMailbox mailbox = new TotpMailbox();
        long start = System.nanoTime();
        assertThat(mailbox.await("carol", Duration.ofMillis(200), new CancellationToken())).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(190));

        CancellationToken token = new CancellationToken();
        CompletableFuture<Optional<String>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return mailbox.await("carol", Duration.ofMinutes(5), token);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        token.cancel();
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void expiredCodesAreDropped() throws InterruptedException {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        TotpMailbox mailbox = new TotpMailbox(clock, Duration.ofMinutes(10));
        mailbox.push("dave", "000001");
        clock.advance(Duration.ofMinutes(11));
        mailbox.push("dave", "000002");

        assertThat(mailbox.await("dave", Duration.ZERO, new CancellationToken())).contains("000002");
    }

    @Test
    void rejectsBlankIdentifiersAndCodes() {
        TotpMailbox mailbox = new TotpMailbox();
        assertThatThrownBy(() -> mailbox.push(" ", "1")).hasMessageContaining("totp_identifier must not be blank");
        assertThatThrownBy(() -> mailbox.push("erin", " ")).hasMessageContaining("'erin' must not be blank");
    }
}
