package dev.rover.samples.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.status.Status;
import dev.rover.core.secret.SecretScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The samples' logging configuration: stderr only, quiet levels, and redaction wired into its pattern. */
class SamplesLogbackConfigTest {

    private LoggerContext context;

    @BeforeEach
    void loadConfig() {
        context = new LoggerContext();
        RoverLogConfigurator configurator = new RoverLogConfigurator();
        configurator.setContext(context);
        assertThat(configurator.configure(context)).isEqualTo(ch.qos.logback.classic.spi.Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    }

    @Test
    void isFoundThroughTheServiceLoaderSoNoXmlIsParsed() {
        assertThat(java.util.ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream().map(p -> p.type().getName()))
                .contains(RoverLogConfigurator.class.getName());
        assertThat(getClass().getResource("/logback.xml")).as("no XML configuration on the samples classpath").isNull();
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    @Test
    void loadsWithoutWarningsOrErrors() {
        List<Status> problems = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getEffectiveLevel() >= Status.WARN).toList();

        assertThat(problems).isEmpty();
    }

    @Test
    void onlyWarningsAreLoggedSoCliProgressStaysReadable() {
        Logger rover = context.getLogger("dev.rover.blocks.agent.AgentLoop");
        Logger playwright = context.getLogger("com.microsoft.playwright.impl.Connection");

        assertThat(rover.isWarnEnabled()).isTrue();
        assertThat(rover.isInfoEnabled()).isEqualTo("INFO".equals(System.getenv("ROVER_LOG_LEVEL")));
        assertThat(playwright.isWarnEnabled()).isTrue();
        assertThat(playwright.isInfoEnabled()).isFalse();
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void writesOnlyToStderr() {
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(appenders::add);

        assertThat(appenders).singleElement().isInstanceOfSatisfying(ConsoleAppender.class,
                console -> assertThat(console.getTarget()).isEqualTo("System.err"));
        assertThat(context.getLoggerList()).allSatisfy(logger ->
                assertThat(logger.iteratorForAppenders().hasNext()).as("appenders on %s", logger.getName())
                        .isEqualTo(logger.getName().equals(Logger.ROOT_LOGGER_NAME)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void configuredPatternRedactsOpenSecrets() {
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        Logger logger = context.getLogger("dev.rover.samples.Demo");
        try (SecretScope scope = SecretScope.open()) {
            String placeholder = scope.add("password", "hunter2-but-longer");
            LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO,
                    "typed {}", new IllegalStateException("echoed hunter2-but-longer"), new Object[] {"hunter2-but-longer"});

            String line = new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);

            assertThat(line).matches("(?s)\\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO  Demo - typed " + placeholder + "\\R.*")
                    .contains("IllegalStateException: echoed " + placeholder)
                    .doesNotContain("hunter2-but-longer");
        }
    }
}
