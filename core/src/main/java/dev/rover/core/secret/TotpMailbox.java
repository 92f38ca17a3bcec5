package dev.rover.core.secret;

import dev.rover.core.run.CancellationToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Codes pushed by people or systems for a {@code totp_identifier} (e.g. an SMS or e-mail code
 * forwarded to Rover), waiting for the run that needs them. A run blocks in
 * {@link #await(String, Duration, CancellationToken)} until a code arrives, the timeout passes,
 * or the run is canceled. Codes older than the maximum age are dropped. Thread-safe, in memory.
 */
public final class TotpMailbox {

    /** How long a pushed code stays usable by default. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(TotpMailbox.class);
    private static final long CANCEL_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Clock clock;
    private final Duration maxAge;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Map<String, Deque<Pushed>> codes = new HashMap<>();

    /** A mailbox on the system clock keeping codes for {@link #DEFAULT_MAX_AGE}. */
    public TotpMailbox() {
        this(Clock.systemUTC(), DEFAULT_MAX_AGE);
    }

    /** A mailbox whose code ages follow this clock. */
    public TotpMailbox(Clock clock, Duration maxAge) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive, got " + maxAge);
        }
        this.maxAge = maxAge;
    }

    /** Delivers a code for this identifier; the oldest waiting run gets it. */
    public void push(String identifier, String code) {
        requireIdentifier(identifier);
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a pushed code for totp_identifier '" + identifier + "' must not be blank");
        }
        lock.lock();
        try {
            codes.computeIfAbsent(identifier, k -> new ArrayDeque<>()).addLast(new Pushed(code.trim(), clock.instant()));
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        LOG.debug("code pushed for totp_identifier {}", identifier);
    }

    /**
     * Takes the oldest unexpired code for this identifier, waiting up to the timeout.
     *
     * @return the code, or empty when none came in time or the token was canceled
     */
    public Optional<String> await(String identifier, Duration timeout, CancellationToken token) throws InterruptedException {
        requireIdentifier(identifier);
        Objects.requireNonNull(token, "token");
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        lock.lockInterruptibly();
        try {
            while (true) {
                Optional<String> code = take(identifier);
                if (code.isPresent()) {
                    return code;
                }
                long remaining = deadline - System.nanoTime();
                if (token.isCanceled() || remaining <= 0) {
                    LOG.debug("no code for totp_identifier {} ({})", identifier, token.isCanceled() ? "canceled" : "timed out");
                    return Optional.empty();
                }
                arrived.awaitNanos(Math.min(remaining, CANCEL_CHECK_NANOS));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Takes a code without waiting. */
    public Optional<String> poll(String identifier) {
        requireIdentifier(identifier);
        lock.lock();
        try {
            return take(identifier);
        } finally {
            lock.unlock();
        }
    }

    private Optional<String> take(String identifier) {
        Deque<Pushed> queue = codes.get(identifier);
        if (queue == null) {
            return Optional.empty();
        }
        Instant oldestAllowed = clock.instant().minus(maxAge);
        while (!queue.isEmpty()) {
            Pushed next = queue.pollFirst();
            if (!next.at().isBefore(oldestAllowed)) {
                if (queue.isEmpty()) {
                    codes.remove(identifier);
                }
                return Optional.of(next.code());
            }
            LOG.debug("dropped an expired code for totp_identifier {}", identifier);
        }
        codes.remove(identifier);
        return Optional.empty();
    }

    private static void requireIdentifier(String identifier) {
        if (identifier == null || identifier.isBlank()) {
            throw new IllegalArgumentException("totp_identifier must not be blank");
        }
    }

    @Override
    public String toString() {
        return "TotpMailbox[maxAge=" + maxAge + "]";
    }

    private record Pushed(String code, Instant at) {
        @Override
        public String toString() {
            return "Pushed[at=" + at + ", code=***]";
        }
    }
}
