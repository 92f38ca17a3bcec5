package dev.rover.core.run;

import java.time.Instant;

/** One delivery attempt of a run's webhook: when, the HTTP status (0 when no answer), and the error if any. */
public record WebhookAttempt(int attempt, Instant at, int httpStatus, String error) {
}
