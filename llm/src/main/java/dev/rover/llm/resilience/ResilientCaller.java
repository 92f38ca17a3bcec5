package dev.rover.llm.resilience;

import dev.rover.llm.ProviderException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs provider calls through Resilience4j: retries transient failures (429, 5xx, timeouts) with
 * exponential backoff and jitter or the provider's Retry-After, a circuit breaker that fails fast
 * after repeated errors, and an optional rate limiter. One per provider, shared by all runs.
 */
public final class ResilientCaller {

    private static final Logger LOG = LoggerFactory.getLogger(ResilientCaller.class);

    private final String provider;
    private final ResilienceSettings settings;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final RateLimiter limiter;

    public ResilientCaller(String provider, ResilienceSettings settings) {
        this.provider = provider;
        this.settings = settings;
        this.breaker = CircuitBreaker.of("llm-" + provider, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.breakerFailures())
                .minimumNumberOfCalls(settings.breakerFailures())
                .failureRateThreshold(100f)
                .waitDurationInOpenState(settings.breakerOpenDuration())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(ProviderFailures::isTransient)
                .build());
        this.retry = Retry.of("llm-" + provider, RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(ProviderFailures::isTransient)
                .intervalBiFunction((IntervalBiFunction<Object>) (attempt, outcome) ->
                        delayBeforeRetry(attempt, outcome.isLeft() ? outcome.getLeft() : null).toMillis())
                .build());
        this.limiter = settings.rateLimitPermits() == 0 ? null : RateLimiter.of("llm-" + provider, RateLimiterConfig.custom()
                .limitForPeriod(settings.rateLimitPermits())
                .limitRefreshPeriod(settings.rateLimitPeriod())
                .timeoutDuration(settings.rateLimitWait())
                .build());
    }

    /**
     * Calls the provider with retries, breaker and rate limit.
     *
     * @throws ProviderException when the provider keeps failing, rejects the call, or its circuit is open
     */
    public <T> T call(Supplier<T> call) {
        AtomicInteger attempts = new AtomicInteger();
        Supplier<T> counted = () -> {
            attempts.incrementAndGet();
            return call.get();
        };
        Supplier<T> guarded = CircuitBreaker.decorateSupplier(breaker, counted);
        if (limiter != null) {
            guarded = RateLimiter.decorateSupplier(limiter, guarded);
        }
        try {
            return Retry.decorateSupplier(retry, guarded).get();
        } catch (CallNotPermittedException e) {
            throw new ProviderException("provider " + provider + " is failing: circuit open after "
                    + settings.breakerFailures() + " errors; calls fail fast for "
                    + settings.breakerOpenDuration().toMillis() + " ms before a trial call", e);
        } catch (RequestNotPermitted e) {
            throw new ProviderException("provider " + provider + " rate limit reached: no permit within "
                    + settings.rateLimitWait().toMillis() + " ms (" + settings.rateLimitPermits() + " calls per "
                    + settings.rateLimitPeriod() + ")", e);
        } catch (RuntimeException e) {
            String what = ProviderFailures.describe(e);
            if (ProviderFailures.isTransient(e)) {
                throw new ProviderException("provider " + provider + " failed after " + attempts.get()
                        + (attempts.get() == 1 ? " attempt: " : " attempts: ") + what, e);
            }
            if (ProviderFailures.status(e).isPresent()) {
                throw new ProviderException("provider " + provider + " rejected the call: " + what, e);
            }
            throw new ProviderException("provider " + provider + " call failed: " + what, e);
        }
    }

    /** The breaker's state, for health reporting. */
    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    Duration delayBeforeRetry(int attempt, Throwable failure) {
        Duration asked = failure == null ? null : ProviderFailures.retryAfter(failure).orElse(null);
        Duration delay;
        if (asked != null) {
            delay = asked.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : asked;
        } else {
            double base = settings.initialBackoff().toMillis() * Math.pow(settings.backoffMultiplier(), attempt - 1);
            double spread = settings.jitter() == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-settings.jitter(), settings.jitter());
            long millis = (long) Math.min(settings.maxBackoff().toMillis(), base * (1 + spread));
            delay = Duration.ofMillis(Math.max(0, millis));
        }
        LOG.info("provider {} call failed ({}); attempt {} of {}, retrying in {} ms", provider,
                failure == null ? "no answer" : ProviderFailures.describe(failure), attempt, settings.maxAttempts(), delay.toMillis());
        return delay;
    }
}
