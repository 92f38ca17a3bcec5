package dev.rover.llm.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard to try a provider before giving up: retries with exponential backoff and jitter, the
 * circuit breaker that fails fast after repeated errors, and an optional rate limit. Every delay
 * is configurable so tests run fast.
 *
 * @param maxAttempts          attempts per call, the first included (1 = no retry)
 * @param initialBackoff       the wait before the first retry
 * @param backoffMultiplier    growth of the wait per retry
 * @param maxBackoff           the longest wait between attempts
 * @param jitter               random spread of each wait, 0..1 (0.2 = plus or minus 20%)
 * @param maxRetryAfter        the longest Retry-After a provider may impose before the call fails
 * @param breakerFailures      consecutive failed attempts that open the circuit
 * @param breakerOpenDuration  how long an open circuit fails fast before letting a trial call through
 * @param rateLimitPermits     calls allowed per {@code rateLimitPeriod}; 0 turns the limiter off
 * @param rateLimitPeriod      the rate limiter's refresh period
 * @param rateLimitWait        how long a call may wait for a permit before failing
 */
public record ResilienceSettings(
        int maxAttempts,
        Duration initialBackoff,
        double backoffMultiplier,
        Duration maxBackoff,
        double jitter,
        Duration maxRetryAfter,
        int breakerFailures,
        Duration breakerOpenDuration,
        int rateLimitPermits,
        Duration rateLimitPeriod,
        Duration rateLimitWait) {

    public ResilienceSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (backoffMultiplier < 1) {
            throw new IllegalArgumentException("backoffMultiplier must be at least 1, got " + backoffMultiplier);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
        if (breakerFailures < 1) {
            throw new IllegalArgumentException("breakerFailures must be at least 1, got " + breakerFailures);
        }
        if (rateLimitPermits < 0) {
            throw new IllegalArgumentException("rateLimitPermits cannot be negative, got " + rateLimitPermits);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(breakerOpenDuration, "breakerOpenDuration");
        Objects.requireNonNull(rateLimitPeriod, "rateLimitPeriod");
        Objects.requireNonNull(rateLimitWait, "rateLimitWait");
    }

    /** Production defaults: 3 attempts from 1 s doubling to 30 s, breaker after 5 errors for 30 s, no rate limit. */
    public static ResilienceSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ResilienceSettings}; every setting has a production default. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private double backoffMultiplier = 2.0;
        private Duration maxBackoff = Duration.ofSeconds(30);
        private double jitter = 0.2;
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private int breakerFailures = 5;
        private Duration breakerOpenDuration = Duration.ofSeconds(30);
        private int rateLimitPermits;
        private Duration rateLimitPeriod = Duration.ofMinutes(1);
        private Duration rateLimitWait = Duration.ofMinutes(1);

        private Builder() {
        }

        public Builder maxAttempts(int v) { this.maxAttempts = v; return this; }
        public Builder initialBackoff(Duration v) { this.initialBackoff = v; return this; }
        public Builder backoffMultiplier(double v) { this.backoffMultiplier = v; return this; }
        public Builder maxBackoff(Duration v) { this.maxBackoff = v; return this; }
        public Builder jitter(double v) { this.jitter = v; return this; }
        public Builder maxRetryAfter(Duration v) { this.maxRetryAfter = v; return this; }
        public Builder breakerFailures(int v) { this.breakerFailures = v; return this; }
        public Builder breakerOpenDuration(Duration v) { this.breakerOpenDuration = v; return this; }

        /** Allows at most {@code permits} calls per {@code period}, waiting up to {@code maxWait} for one. */
        public Builder rateLimit(int permits, Duration period, Duration maxWait) {
            this.rateLimitPermits = permits;
            this.rateLimitPeriod = period;
            this.rateLimitWait = maxWait;
            return this;
        }

        public ResilienceSettings build() {
            return new ResilienceSettings(maxAttempts, initialBackoff, backoffMultiplier, maxBackoff, jitter,
                    maxRetryAfter, breakerFailures, breakerOpenDuration, rateLimitPermits, rateLimitPeriod, rateLimitWait);
        }
    }
}
