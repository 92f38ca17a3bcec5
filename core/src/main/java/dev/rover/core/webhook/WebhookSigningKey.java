package dev.rover.core.webhook;

import dev.rover.core.env.EnvironmentVariables;

import dev.rover.core.secret.OwnerOnlyFile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The shared secret webhooks are signed with: env {@code ROVER_WEBHOOK_SECRET} when set, else the
 * text in {@code <dataDir>/webhook.key}, generated owner-only on first use ({@code whsec_} and 43
 * base64url characters) so receivers can copy it. Never shown by {@link #toString()}.
 */
public final class WebhookSigningKey {

    /** The environment variable read by {@link #resolve(Path)}. */
    public static final String ENV = "ROVER_WEBHOOK_SECRET";
    /** The key file's name inside the data directory. */
    public static final String FILE = "webhook.key";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;
    private final String source;

    private WebhookSigningKey(String value, String source) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a webhook signing key must not be blank (from " + source + ")");
        }
        this.value = value;
        this.source = source;
    }

    /** A key given directly. */
    public static WebhookSigningKey of(String value) {
        return new WebhookSigningKey(value, "explicit");
    }

    /** The key from env {@value #ENV}, else from (or newly into) {@code <dataDir>/webhook.key}. */
    public static WebhookSigningKey resolve(Path dataDir) {
        return resolve(dataDir, EnvironmentVariables.system());
    }

    /** The key from {@value #ENV} in these variables, else from (or newly into) {@code <dataDir>/webhook.key}. */
    public static WebhookSigningKey resolve(Path dataDir, EnvironmentVariables environment) {
        Optional<String> env = environment.get(ENV);
        if (env.isPresent()) {
            return new WebhookSigningKey(env.get(), "env " + ENV);
        }
        return fromKeyFile(dataDir);
    }

    /** The key in {@code <dataDir>/webhook.key}, generated owner-only when missing. */
    public static WebhookSigningKey fromKeyFile(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        Path file = dataDir.resolve(FILE);
        byte[] content = OwnerOnlyFile.readOrCreate(file, () -> {
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            return ("whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw)).getBytes(StandardCharsets.US_ASCII);
        });
        return new WebhookSigningKey(new String(content, StandardCharsets.UTF_8).trim(), "key file " + file);
    }

    /** The key text; give it to receivers so they can verify signatures. */
    public String value() {
        return value;
    }

    /** Where the key came from, never the key. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "WebhookSigningKey[source=" + source + ", value=***]";
    }
}
