package dev.rover.core.secret;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.core.run.CancellationToken;
import dev.rover.core.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Pulls a verification code from a run's {@code totp_url}: POSTs
 * {@code {"totp_identifier": ..., "run_id": ...}} and expects {@code {"verification_code": "123456"}}.
 * The code usually is not there yet (the e-mail or SMS is on its way), so it asks again with
 * growing pauses until a code comes, the timeout passes or the run is canceled.
 */
public final class TotpUrlClient {

    private static final Logger LOG = LoggerFactory.getLogger(TotpUrlClient.class);

    private final HttpClient http;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration requestTimeout;

    /** A client pausing 1 s, 2 s, 4 s... up to 10 s between requests, each allowed 10 s. */
    public TotpUrlClient(HttpClient http) {
        this(http, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    /** A client with its own pauses (doubling from the initial one up to the maximum) and request timeout. */
    public TotpUrlClient(HttpClient http, Duration initialBackoff, Duration maxBackoff, Duration requestTimeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.initialBackoff = positive(initialBackoff, "initialBackoff");
        this.maxBackoff = positive(maxBackoff, "maxBackoff");
        this.requestTimeout = positive(requestTimeout, "requestTimeout");
    }

    /**
     * Asks the URL for a code until one comes.
     *
     * @return the code, or empty when the timeout passed or the token was canceled first
     */
    public Optional<String> fetch(URI url, String totpIdentifier, String runId, Duration timeout, CancellationToken token)
            throws InterruptedException {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("totp_url must be http or https, got '" + url.getScheme() + "' in " + describe(url));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("totp_identifier", totpIdentifier);
        body.put("run_id", runId);
        String json = Json.compact(body);
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = initialBackoff;
        int attempt = 0;
        while (!token.isCanceled()) {
            attempt++;
            long left = deadline - System.nanoTime();
            Duration perRequest = left > 0 && left < requestTimeout.toNanos() ? Duration.ofNanos(left) : requestTimeout;
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(perRequest)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
            Optional<String> code = askOnce(request, attempt);
            if (code.isPresent()) {
                LOG.info("got a verification code from {} after {} request(s)", describe(url), attempt);
                return code;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            Duration wait = pause.toNanos() < remaining ? pause : Duration.ofNanos(remaining);
            if (token.sleep(wait)) {
                break;
            }
            pause = pause.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : pause.multipliedBy(2);
        }
        LOG.warn("no verification code from {} after {} request(s) ({})", describe(url), attempt,
                token.isCanceled() ? "run canceled" : "timed out after " + timeout);
        return Optional.empty();
    }

    private Optional<String> askOnce(HttpRequest request, int attempt) throws InterruptedException {
        String where = describe(request.uri());
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                LOG.debug("totp_url {} answered HTTP {} (request {})", where, response.statusCode(), attempt);
                return Optional.empty();
            }
            JsonNode code = Json.mapper().readTree(response.body()).path("verification_code");
            if (code.isTextual() && !code.asText().isBlank()) {
                return Optional.of(code.asText().trim());
            }
            if (code.isIntegralNumber()) {
                return Optional.of(code.asText());
            }
            LOG.debug("totp_url {} has no verification_code yet (request {})", where, attempt);
            return Optional.empty();
        } catch (IOException e) {
            LOG.debug("totp_url {} request {} failed: {}", where, attempt, e.toString());
            return Optional.empty();
        }
    }

    /** Scheme, host, port and path; the query may carry tokens and is left out of logs. */
    private static String describe(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "") + url.getPath();
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
        return d;
    }
}
