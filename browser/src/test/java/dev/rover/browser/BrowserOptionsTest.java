package dev.rover.browser;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrowserOptionsTest {

    @Test
    void defaultsAreHeadlessWithTracingAndAShortActionTimeout() {
        BrowserOptions options = BrowserOptions.defaults();
        assertThat(options.headless()).isTrue();
        assertThat(options.tracing()).isTrue();
        assertThat(options.actionTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.cdpAddress()).isNull();
        assertThat(BrowserOptions.QUIET_FLAGS).contains("--no-sandbox", "--disable-quic", "--disable-dev-shm-usage");
    }

    @Test
    void toBuilderKeepsEverySettingAndToStringHidesHeaderValues() {
        BrowserOptions options = BrowserOptions.builder().headful().extraHttpHeader("Authorization", "Bearer sk-123")
                .locale("de-DE").actionTimeout(Duration.ofSeconds(2)).tracing(false).build();
        assertThat(options.toBuilder().build()).isEqualTo(options);
        assertThat(options.headless()).isFalse();
        assertThat(options.toString()).contains("Authorization").doesNotContain("sk-123");
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThatThrownBy(() -> BrowserOptions.builder().viewport(0, 10).build()).hasMessageContaining("viewport must be positive");
        assertThatThrownBy(() -> BrowserOptions.builder().actionTimeout(Duration.ZERO).build())
                .hasMessageContaining("action timeout must be positive");
        assertThatThrownBy(() -> BrowserOptions.builder().launchArgs(java.util.List.of("host-resolver-rules=MAP a b")).build())
                .hasMessageContaining("must be a switch starting with --").hasMessageContaining("host-resolver-rules");
    }

    @Test
    void launchArgsAreKeptAndTheirValuesNotPrinted() {
        BrowserOptions options = BrowserOptions.builder()
                .launchArgs(java.util.List.of("--host-resolver-rules=MAP example.com 127.0.0.1:8443", "--mute-audio")).build();
        assertThat(options.launchArgs()).containsExactly("--host-resolver-rules=MAP example.com 127.0.0.1:8443", "--mute-audio");
        assertThat(options.toBuilder().build()).isEqualTo(options);
        assertThat(options.toString()).contains("--host-resolver-rules=...", "--mute-audio").doesNotContain("8443");
    }
}
