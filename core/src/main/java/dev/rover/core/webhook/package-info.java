/**
 * Run webhooks: {@link dev.rover.core.webhook.WebhookSender} posts a finished run's response,
 * signed as {@link dev.rover.core.webhook.WebhookSignature} documents, with the key from
 * {@link dev.rover.core.webhook.WebhookSigningKey} (env {@code ROVER_WEBHOOK_SECRET} or
 * {@code <dataDir>/webhook.key}). Receivers verify with {@code WebhookSignature.verify}.
 */
package dev.rover.core.webhook;
