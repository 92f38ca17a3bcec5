package dev.rover.llm.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    @Test
    void readsSecondsAndHttpDates() {
        assertThat(StatusAwareHttpClient.parseRetryAfter("3")).contains(Duration.ofSeconds(3));
        assertThat(StatusAwareHttpClient.parseRetryAfter(" 0.25 ")).contains(Duration.ofMillis(250));
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        assertThat(StatusAwareHttpClient.parseRetryAfter(inTenSeconds).orElseThrow())
                .isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
        assertThat(StatusAwareHttpClient.parseRetryAfter("soon")).isEmpty();
        assertThat(StatusAwareHttpClient.parseRetryAfter("-1")).isEmpty();
    }

    @Test
    void textOnlyModelsGetNoImages() {
        assertThat(ModelCapabilities.acceptsImages("gpt-4o")).isTrue();
        assertThat(ModelCapabilities.acceptsImages("gpt-3.5-turbo")).isFalse();
        assertThat(ModelCapabilities.acceptsImages("library/mistral:7b")).isFalse();
    }
}
