/**
 * Credentials and secrets: the encrypted {@link dev.rover.core.secret.CredentialVault}, per-run
 * placeholders ({@link dev.rover.core.secret.SecretScope}) that keep real values away from engines,
 * prompts, logs and outputs, process-wide log scrubbing ({@link dev.rover.core.secret.SecretRedaction}),
 * RFC 6238 codes ({@link dev.rover.core.secret.Totp}) and codes pushed
 * ({@link dev.rover.core.secret.TotpMailbox}) or pulled ({@link dev.rover.core.secret.TotpUrlClient}).
 * <p>
 * Master key: env {@code ROVER_MASTER_KEY} as base64 of 32 bytes is the AES-256 key; any other text
 * is a passphrase (PBKDF2WithHmacSHA256, 600,000 iterations, salt in {@code <dir>/master.salt});
 * without the env a random key is kept in {@code <dir>/master.key} (rw-------). Back up the key
 * (or passphrase and salt) with the vault: without it the credentials cannot be recovered.
 */
package dev.rover.core.secret;
