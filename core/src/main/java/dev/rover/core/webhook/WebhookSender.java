package dev.rover.core.webhook;

import dev.rover.core.run.CancellationToken;
import dev.rover.core.json.Json;
import dev.rover.core.run.Run;
import dev.rover.core.run.WebhookAttempt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delivers a run's response to its webhook URL when the run ends: the compact JSON of the run,
 * signed as {@link WebhookSignature} describes. Retries on 5xx, 408, 425, 429 and connection
 * errors with exponential backoff (base × 2^n plus up to one base of jitter), or the pause a
 * {@code Retry-After} header asks for (capped). Never throws for a delivery failure: it returns
 * every attempt so the caller records them on the run.
 */
public final class WebhookSender {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final Set<Integer> RETRIED_STATUSES = Set.of(408, 425, 429);

    /** Built on the first delivery: a client sets up TLS (about 150 ms), which runs without a webhook never need. */
    private volatile HttpClient http;
    private final WebhookSigningKey key;
    private final Duration baseBackoff;
    private final int maxAttempts;
    private final Duration maxRetryAfter;
    private final Duration requestTimeout;
    private final Clock clock;

    private WebhookSender(Builder b) {
        this.key = Objects.requireNonNull(b.key, "signing key");
        this.http = b.http;
        this.baseBackoff = b.baseBackoff;
        this.maxAttempts = b.maxAttempts;
        this.maxRetryAfter = b.maxRetryAfter;
        this.requestTimeout = b.requestTimeout;
        this.clock = b.clock;
    }

    private HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                client = http;
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                    http = client;
                }
            }
        }
        return client;
    }

    /** A builder; only the signing key is required. */
    public static Builder builder(WebhookSigningKey key) {
        return new Builder(key);
    }

    /** Posts the run's response to the URL; returns every attempt made. */
    public List<WebhookAttempt> send(String url, Run run) {
        return send(url, run, new CancellationToken());
    }

    /** Posts the run's response to the URL, stopping the retries early when the token is canceled. */
    public List<WebhookAttempt> send(String url, Run run, CancellationToken token) {
        return sendBody(url, Json.compact(run), token);
    }

    /**
     * Posts an already serialised body (for re-sending a stored run response).
     *
     * @return every attempt made, in order; the last one succeeded when its status is 2xx
     */
    public List<WebhookAttempt> sendBody(String url, String body, CancellationToken token) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(token, "token");
        List<WebhookAttempt> attempts = new ArrayList<>();
        URI uri;
        try {
            uri = URI.create(url);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL with a host");
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            attempts.add(new WebhookAttempt(1, clock.instant(), 0, "webhook URL '" + url + "' is invalid: " + e.getMessage()));
            LOG.warn("webhook not sent: URL '{}' is invalid", url);
            return List.copyOf(attempts);
        }
        for (int n = 1; n <= maxAttempts; n++) {
            int attemptNumber = n;
            Outcome outcome = attempt(uri, body, n);
            attempts.add(outcome.record());
            if (outcome.delivered()) {
                LOG.info("webhook delivered to {} (attempt {}, HTTP {})", describe(uri), n, outcome.record().httpStatus());
                return List.copyOf(attempts);
            }
            if (!outcome.retryable() || n == maxAttempts) {
                break;
            }
            Duration pause = outcome.retryAfter().map(this::capRetryAfter).orElseGet(() -> backoff(attemptNumber));
            LOG.info("webhook to {} failed ({}); retrying in {} ms", describe(uri), outcome.record().error(), pause.toMillis());
            try {
                if (token.sleep(pause)) {
                    LOG.info("webhook to {} canceled before attempt {}", describe(uri), n + 1);
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("webhook to {} interrupted before attempt {}", describe(uri), n + 1);
                break;
            }
        }
        WebhookAttempt last = attempts.get(attempts.size() - 1);
        LOG.warn("webhook to {} not delivered after {} attempt(s): {}", describe(uri), attempts.size(), last.error());
        return List.copyOf(attempts);
    }

    private Outcome attempt(URI uri, String body, int n) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Rover-Webhook/1")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(body, key.value()))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<Void> response = http().send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status / 100 == 2) {
                return new Outcome(new WebhookAttempt(n, clock.instant(), status, null), true, false, Optional.empty());
            }
            boolean retryable = status / 100 == 5 || RETRIED_STATUSES.contains(status);
            Optional<Duration> retryAfter = retryable
                    ? RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock.instant())
                    : Optional.empty();
            String error = "HTTP " + status + " from " + describe(uri) + (retryable ? "" : " (not retried)");
            return new Outcome(new WebhookAttempt(n, clock.instant(), status, error), false, retryable, retryAfter);
        } catch (HttpTimeoutException e) {
            return connectionFailure(uri, n, "no answer within " + requestTimeout.toMillis() + " ms");
        } catch (IOException e) {
            return connectionFailure(uri, n, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(new WebhookAttempt(n, clock.instant(), 0, "interrupted while posting to " + describe(uri)),
                    false, false, Optional.empty());
        }
    }

    private Outcome connectionFailure(URI uri, int n, String what) {
        String error = "cannot reach " + describe(uri) + ": " + what;
        return new Outcome(new WebhookAttempt(n, clock.instant(), 0, error), false, true, Optional.empty());
    }

    /** base × 2^(n-1) plus a random jitter of up to one base. */
    private Duration backoff(int failedAttempt) {
        long base = baseBackoff.toMillis();
        long exponential = base << Math.min(failedAttempt - 1, 20);
        long jitter = base == 0 ? 0 : ThreadLocalRandom.current().nextLong(base + 1);
        return Duration.ofMillis(exponential + jitter);
    }

    private Duration capRetryAfter(Duration asked) {
        return asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
    }

    /** Scheme, host, port and path; the query may carry tokens and is left out. */
    private static String describe(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + uri.getPath();
    }

    /** What one attempt came to. */
    private record Outcome(WebhookAttempt record, boolean delivered, boolean retryable, Optional<Duration> retryAfter) {
    }

    /** Settings for a {@link WebhookSender}; defaults follow Skyvern's delivery policy. */
    public static final class Builder {
        private final WebhookSigningKey key;
        private HttpClient http;
        private Duration baseBackoff = Duration.ofSeconds(1);
        private int maxAttempts = 3;
        private Duration maxRetryAfter = Duration.ofSeconds(30);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();

        private Builder(WebhookSigningKey key) {
            this.key = Objects.requireNonNull(key, "key");
        }

        /** The HTTP client to post with (default: a new one, 10 s connect timeout, no redirects). */
        public Builder httpClient(HttpClient http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        /** The first backoff pause (default 1 s); later ones double. */
        public Builder baseBackoff(Duration baseBackoff) {
            if (baseBackoff.isNegative()) {
                throw new IllegalArgumentException("baseBackoff must not be negative, got " + baseBackoff);
            }
            this.baseBackoff = baseBackoff;
            return this;
        }

        /** Attempts in all, first included (default 3). */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The longest pause a Retry-After header can impose (default 30 s). */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            if (maxRetryAfter.isNegative()) {
                throw new IllegalArgumentException("maxRetryAfter must not be negative, got " + maxRetryAfter);
            }
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /** How long one POST may take (default 10 s). */
        public Builder requestTimeout(Duration requestTimeout) {
            if (requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException("requestTimeout must be positive, got " + requestTimeout);
            }
            this.requestTimeout = requestTimeout;
            return this;
        }

        /** The clock for timestamps and Retry-After dates (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public WebhookSender build() {
            return new WebhookSender(this);
        }
    }
}
