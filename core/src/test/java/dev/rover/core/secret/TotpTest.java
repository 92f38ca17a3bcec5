package dev.rover.core.secret;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TotpTest {

    private static final byte[] SEED_SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA512 =
            "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238 Appendix B test vectors. */
    @ParameterizedTest
    @CsvSource({
            "59, 94287082, 46119246, 90693936",
            "1111111109, 07081804, 68084774, 25091201",
            "1111111111, 14050471, 67062674, 99943326",
            "1234567890, 89005924, 91819424, 93441116",
            "2000000000, 69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"
    })
    void matchesRfc6238Vectors(long seconds, String sha1, String sha256, String sha512) {
        Instant at = Instant.ofEpochSecond(seconds);
        assertThat(new Totp(SEED_SHA1, TotpAlgorithm.SHA1, 8, Totp.DEFAULT_STEP).codeAt(at)).isEqualTo(sha1);
        assertThat(new Totp(SEED_SHA256, TotpAlgorithm.SHA256, 8, Totp.DEFAULT_STEP).codeAt(at)).isEqualTo(sha256);
        assertThat(new Totp(SEED_SHA512, TotpAlgorithm.SHA512, 8, Totp.DEFAULT_STEP).codeAt(at)).isEqualTo(sha512);
    }

    @Test
    void sixDigitCodeFromBase32SecretIsTheLastSixDigits() {
        Totp totp = Totp.fromBase32(Base32.encode(SEED_SHA1));
        assertThat(totp.codeAt(Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(totp.codeAt(Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
    }

    @Test
    void givesTheNextCodeWhenFewerThanTwentySecondsRemain() {
        Totp totp = new Totp(SEED_SHA1, TotpAlgorithm.SHA1, 8, Totp.DEFAULT_STEP);
        // 1111111109 is 29 s into its window: 1 s remains, so the code of the next window is typed
        assertThat(totp.codeForTyping(fixed(1111111109))).isEqualTo("14050471");
        // 19 s remain (11 s in): still the next window
        assertThat(totp.codeForTyping(fixed(1111111091))).isEqualTo("14050471");
        // exactly 20 s remain (10 s in): the current window
        assertThat(totp.codeForTyping(fixed(1111111090))).isEqualTo("07081804");
        // 30 s remain (start of window): the current window
        assertThat(totp.codeForTyping(fixed(1111111110))).isEqualTo("14050471");
        assertThat(totp.codeForTyping(fixed(1111111080))).isEqualTo("07081804");
    }

    @Test
    void toStringHidesTheSecret() {
        Totp totp = Totp.fromBase32("JBSWY3DPEHPK3PXP");
        assertThat(totp.toString()).doesNotContain("JBSWY3DPEHPK3PXP").contains("***").contains("SHA1");
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new Totp(SEED_SHA1, TotpAlgorithm.SHA1, 9, Totp.DEFAULT_STEP))
                .hasMessageContaining("digits must be 6 to 8");
        assertThatThrownBy(() -> new Totp(SEED_SHA1, TotpAlgorithm.SHA1, 6, Duration.ofMillis(1500)))
                .hasMessageContaining("whole number of seconds");
        assertThatThrownBy(() -> Totp.fromBase32("not base32!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position")
                .hasMessageNotContaining("not base32!");
    }

    private static Clock fixed(long epochSeconds) {
        return Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
    }
}
