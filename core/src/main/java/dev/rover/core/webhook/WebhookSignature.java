package dev.rover.core.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * How a webhook receiver proves a POST came from this Rover and was not replayed later.
 * <p>
 * Exactly what is signed: the UTF-8 bytes of {@code <timestamp> + "." + <body>}, where
 * {@code <timestamp>} is the {@code X-Rover-Timestamp} header verbatim (epoch seconds, decimal) and
 * {@code <body>} is the raw request body (the compact JSON of the run, as sent). The MAC is
 * HMAC-SHA256 keyed with the UTF-8 bytes of the signing key text (env {@code ROVER_WEBHOOK_SECRET}
 * or the {@code webhook.key} file); {@code X-Rover-Signature} is its lower-case hex. Receivers
 * should verify over the bytes they received, before parsing, and reject old timestamps.
 */
public final class WebhookSignature {

    /** The header carrying the hex HMAC. */
    public static final String SIGNATURE_HEADER = "X-Rover-Signature";
    /** The header carrying the signing time in epoch seconds. */
    public static final String TIMESTAMP_HEADER = "X-Rover-Timestamp";

    private WebhookSignature() {
    }

    /** The lower-case hex HMAC-SHA256 of {@code timestamp + "." + body} under the key. */
    public static String sign(String body, long timestamp, String key) {
        return HexFormat.of().formatHex(mac(Long.toString(timestamp), body, key));
    }

    /**
     * Whether the signature matches the body and timestamp under the key (constant-time comparison).
     * Does not check the timestamp's age; see {@link #verify(String, String, String, String, Duration, Clock)}.
     */
    public static boolean verify(String body, String timestamp, String signature, String key) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(key, "key");
        if (timestamp == null || signature == null || !timestamp.matches("\\d{1,19}")) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(mac(timestamp, body, key), given);
    }

    /** As {@link #verify(String, String, String, String)}, also rejecting timestamps further than the tolerance from now. */
    public static boolean verify(String body, String timestamp, String signature, String key, Duration tolerance, Clock clock) {
        if (!verify(body, timestamp, signature, key)) {
            return false;
        }
        long age = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        return age <= tolerance.getSeconds();
    }

    private static byte[] mac(String timestamp, String body, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot compute HmacSHA256 for a webhook signature", e);
        }
    }
}
