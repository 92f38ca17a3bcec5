package dev.rover.samples.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import dev.rover.core.secret.SecretScope;
import dev.rover.core.secret.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Log lines written through the redacting converters never carry a value of an open secret scope. */
class RedactingConvertersTest {

    private static final String PASSWORD = "correct-horse-battery-staple";
    private static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private LoggerContext context;
    private Logger logger;

    @BeforeEach
    void inMemoryLogback() {
        context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.start();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("redactedMsg", RedactingMessageConverter::new);
        layout.getInstanceConverterMap().put("redactedEx", RedactingThrowableConverter::new);
        layout.setPattern("%level %redactedMsg%n%redactedEx");
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName("memory");
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.setImmediateFlush(true);
        appender.start();
        logger = context.getLogger("dev.rover.test");
        logger.setAdditive(false);
        logger.addAppender(appender);
    }

    @AfterEach
    void stopLogback() {
        context.stop();
    }

    @Test
    void secretInAnOpenScopeIsReplacedByItsPlaceholder() {
        try (SecretScope scope = SecretScope.open()) {
            String placeholder = scope.add("password", PASSWORD);

            logger.info("typing {} into #password", PASSWORD);

            assertThat(written()).isEqualTo("INFO typing " + placeholder + " into #password\n")
                    .doesNotContain(PASSWORD);
        }
    }

    @Test
    void totpSecretIsRedactedAsWritten() {
        try (SecretScope scope = SecretScope.open()) {
            String placeholder = scope.addTotp("totp", Totp.fromBase32(TOTP_SECRET), TOTP_SECRET);

            logger.warn("credential has totp secret " + TOTP_SECRET);

            assertThat(written()).contains(placeholder).doesNotContain(TOTP_SECRET);
        }
    }

    @Test
    void secretInAnExceptionMessageIsRedactedInTheStackTrace() {
        try (SecretScope scope = SecretScope.open()) {
            String placeholder = scope.add("password", PASSWORD);

            logger.error("login failed", new IllegalStateException("server rejected " + PASSWORD,
                    new IllegalArgumentException("bad value " + PASSWORD)));

            assertThat(written())
                    .startsWith("ERROR login failed\n")
                    .contains("java.lang.IllegalStateException: server rejected " + placeholder,
                            "Caused by: java.lang.IllegalArgumentException: bad value " + placeholder,
                            "at dev.rover.samples.logging.RedactingConvertersTest")
                    .doesNotContain(PASSWORD);
        }
    }

    @Test
    void everyOpenScopeIsRedactedNotOnlyTheNewest() {
        try (SecretScope first = SecretScope.open(); SecretScope second = SecretScope.open()) {
            String firstPlaceholder = first.add("password", PASSWORD);
            String secondPlaceholder = second.add("api_key", "sk-live-0123456789");

            logger.info("{} and {}", PASSWORD, "sk-live-0123456789");

            assertThat(written()).isEqualTo("INFO " + firstPlaceholder + " and " + secondPlaceholder + "\n");
        }
    }

    @Test
    void messagesWithoutSecretsPassUnchanged() {
        try (SecretScope scope = SecretScope.open()) {
            scope.add("password", PASSWORD);

            logger.info("opened {} in {} ms", "/orders", 42);

            assertThat(written()).isEqualTo("INFO opened /orders in 42 ms\n");
        }
    }

    @Test
    void closedScopeNoLongerRedacts() {
        SecretScope scope = SecretScope.open();
        scope.add("password", PASSWORD);
        scope.close();

        logger.info("value {}", PASSWORD);

        assertThat(written()).isEqualTo("INFO value " + PASSWORD + "\n");
    }

    private String written() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
