package dev.rover.core.run;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Generates prefixed ids that sort by creation time and are unique across processes: 48 bits of
 * milliseconds and 80 random bits, in lower-case Crockford base32 (ULID layout), e.g.
 * {@code wr_01jcz3k4m5n6p7q8r9s0t1v2w3}.
 */
public final class SortableId {

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private SortableId() {
    }

    /** A new id with this prefix (for example {@code "wr_"}). */
    public static String next(String prefix) {
        return next(prefix, Clock.systemUTC());
    }

    /** A new id with this prefix, timed by the given clock. */
    public static String next(String prefix, Clock clock) {
        long millis = clock.millis();
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        // 80 random bits -> 16 base32 characters
        long hi = ((random[0] & 0xffL) << 32) | ((random[1] & 0xffL) << 24) | ((random[2] & 0xffL) << 16)
                | ((random[3] & 0xffL) << 8) | (random[4] & 0xffL);
        long lo = ((random[5] & 0xffL) << 32) | ((random[6] & 0xffL) << 24) | ((random[7] & 0xffL) << 16)
                | ((random[8] & 0xffL) << 8) | (random[9] & 0xffL);
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo >>>= 5;
        }
        return prefix + new String(out);
    }
}
