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
 * How a webhook receiver proves a POST came from this Rover, with Skyvern's scheme so existing
 * receivers work unchanged.
 * <p>
 * Exactly what is signed: the UTF-8 bytes of the raw request body (the compact JSON of the run, as
 * sent). The MAC is HMAC-SHA256 keyed with the UTF-8 bytes of the signing key text (env
 * {@code ROVER_WEBHOOK_SECRET} or the {@code webhook.key} file); {@code X-Rover-Signature} is its
 * lower-case hex. {@code X-Rover-Timestamp} (epoch seconds) says when it was sent; receivers that
 * want to refuse stale deliveries check its age with
 * {@link #verify(String, String, String, String, Duration, Clock)}. Verify over the bytes received,
 * before parsing.
 */
public final class WebhookSignature {

    /** The header carrying the hex HMAC. */
    public static final String SIGNATURE_HEADER = "X-Rover-Signature";
    /** The header carrying the signing time in epoch seconds. */
    public static final String TIMESTAMP_HEADER = "X-Rover-Timestamp";

    private WebhookSignature() {
    }

    /** The lower-case hex HMAC-SHA256 of the body under the key. */
    public static String sign(String body, String key) {
        return HexFormat.of().formatHex(mac(body, key));
    }

    /** Whether the signature matches the body under the key (constant-time comparison). */
    public static boolean verify(String body, String signature, String key) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(key, "key");
        if (signature == null) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(mac(body, key), given);
    }

    /** As {@link #verify(String, String, String)}, also rejecting a timestamp header further than the tolerance from now. */
    public static boolean verify(String body, String timestamp, String signature, String key, Duration tolerance, Clock clock) {
        if (timestamp == null || !timestamp.matches("\\d{1,19}") || !verify(body, signature, key)) {
            return false;
        }
        long age = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        return age <= tolerance.getSeconds();
    }

    private static byte[] mac(String body, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot compute HmacSHA256 for a webhook signature", e);
        }
    }
}
