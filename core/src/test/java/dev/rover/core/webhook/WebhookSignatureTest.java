package dev.rover.core.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class WebhookSignatureTest {

    @TempDir
    Path dataDir;

    @Test
    void signsTheCompactBodyWithHmacSha256InLowerCaseHexLikeSkyvern() throws Exception {
        String body = "{\"run_id\":\"wr_1\",\"status\":\"completed\"}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("k".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(WebhookSignature.sign(body, "k")).isEqualTo(expected);
        assertThat(WebhookSignature.verify(body, expected.toUpperCase(), "k")).isTrue();
        assertThat(WebhookSignature.verify(body + " ", expected, "k")).isFalse();
        assertThat(WebhookSignature.verify(body, "zz", "k")).isFalse();
        assertThat(WebhookSignature.verify(body, null, "k")).isFalse();
    }

    @Test
    void toleranceRejectsOldTimestamps() {
        String body = "{}";
        String signature = WebhookSignature.sign(body, "k");
        Clock fiveMinutesLater = Clock.fixed(Instant.ofEpochSecond(1_700_000_300L), ZoneOffset.UTC);

        assertThat(WebhookSignature.verify(body, "1700000000", signature, "k", Duration.ofMinutes(5), fiveMinutesLater)).isTrue();
        assertThat(WebhookSignature.verify(body, "1700000000", signature, "k", Duration.ofMinutes(4), fiveMinutesLater)).isFalse();
        assertThat(WebhookSignature.verify(body, "yesterday", signature, "k", Duration.ofMinutes(5), fiveMinutesLater)).isFalse();
    }

    @Test
    void generatedKeyFileIsOwnerOnlyStableAndHidden() throws Exception {
        WebhookSigningKey key = WebhookSigningKey.fromKeyFile(dataDir);

        assertThat(key.value()).startsWith("whsec_").hasSize(6 + 43);
        assertThat(WebhookSigningKey.fromKeyFile(dataDir).value()).isEqualTo(key.value());
        assertThat(key.toString()).doesNotContain(key.value());
        assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions");
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("webhook.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
}
