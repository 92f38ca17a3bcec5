package dev.rover.core.secret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An RFC 6238 time-based one-time password generator, so a stored TOTP secret can be turned into
 * the code a login form expects at the moment it is typed. The secret never appears in
 * {@link #toString()}.
 */
public final class Totp {

    /** The usual step of 30 seconds. */
    public static final Duration DEFAULT_STEP = Duration.ofSeconds(30);
    /**
     * When fewer than this many seconds remain in the current window, {@link #codeForTyping(Clock)}
     * gives the next code, so the code does not expire between typing and submitting.
     */
    public static final Duration MIN_REMAINING_FOR_TYPING = Duration.ofSeconds(20);

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private final byte[] secret;
    private final TotpAlgorithm algorithm;
    private final int digits;
    private final long stepSeconds;

    /**
     * @param secret    the shared secret bytes
     * @param algorithm the HMAC
     * @param digits    6 to 8
     * @param step      the time step, a whole number of seconds
     */
    public Totp(byte[] secret, TotpAlgorithm algorithm, int digits, Duration step) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length == 0) {
            throw new IllegalArgumentException("TOTP secret is empty");
        }
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("TOTP digits must be 6 to 8, got " + digits);
        }
        if (step.getSeconds() < 1 || step.getNano() != 0) {
            throw new IllegalArgumentException("TOTP step must be a whole number of seconds >= 1, got " + step);
        }
        this.secret = secret.clone();
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.digits = digits;
        this.stepSeconds = step.getSeconds();
    }

    /** The common configuration: SHA-1, 6 digits, 30 s, from a base32 secret as sites show it. */
    public static Totp fromBase32(String base32Secret) {
        return new Totp(Base32.decode(base32Secret), TotpAlgorithm.SHA1, 6, DEFAULT_STEP);
    }

    /** The code valid at this instant, zero-padded to the configured digits. */
    public String codeAt(Instant instant) {
        long counter = Math.floorDiv(instant.getEpochSecond(), stepSeconds);
        return codeForCounter(counter);
    }

    /**
     * The code to type now: the current one, or the next one when fewer than
     * {@link #MIN_REMAINING_FOR_TYPING} remain in the current window (the site then accepts it as
     * soon as the window turns, and the current one would likely expire before submission).
     */
    public String codeForTyping(Clock clock) {
        Instant now = clock.instant();
        long elapsed = Math.floorMod(now.getEpochSecond(), stepSeconds);
        long remaining = stepSeconds - elapsed;
        if (remaining < MIN_REMAINING_FOR_TYPING.getSeconds() && stepSeconds > MIN_REMAINING_FOR_TYPING.getSeconds()) {
            return codeAt(now.plusSeconds(remaining));
        }
        return codeAt(now);
    }

    private String codeForCounter(long counter) {
        byte[] message = new byte[8];
        long value = counter;
        for (int i = 7; i >= 0; i--) {
            message[i] = (byte) (value & 0xff);
            value >>>= 8;
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(algorithm.macName());
            mac.init(new SecretKeySpec(secret, algorithm.macName()));
            hash = mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot compute " + algorithm.macName() + " for TOTP", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        int otp = binary % POWERS_OF_TEN[digits];
        StringBuilder code = new StringBuilder(Integer.toString(otp));
        while (code.length() < digits) {
            code.insert(0, '0');
        }
        return code.toString();
    }

    public TotpAlgorithm algorithm() {
        return algorithm;
    }

    public int digits() {
        return digits;
    }

    public Duration step() {
        return Duration.ofSeconds(stepSeconds);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Totp other && Arrays.equals(secret, other.secret) && algorithm == other.algorithm
                && digits == other.digits && stepSeconds == other.stepSeconds;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(secret), algorithm, digits, stepSeconds);
    }

    @Override
    public String toString() {
        return "Totp[algorithm=" + algorithm + ", digits=" + digits + ", step=" + stepSeconds + "s, secret=***]";
    }
}
