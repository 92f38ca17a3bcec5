package dev.rover.samples.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.rover.core.env.EnvironmentVariables;

/**
 * Logging for the rover command line and the samples, set up in code (found through Java's service
 * loader) because parsing an XML configuration costs a command over half a second of start-up.
 * Everything goes to stderr so stdout stays free for run output; only warnings and errors are logged
 * (the CLI prints its own progress lines), and {@code ROVER_LOG_LEVEL=INFO} or {@code DEBUG} shows more
 * of Rover's own logging. Messages and stack traces pass through the redacting converters, so no line
 * carries a secret while a run's SecretScope is open.
 */
public final class RoverLogConfigurator extends ContextAwareBase implements Configurator {

    /** The layout of every line. */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %redactedMsg%n%redactedEx";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        PatternLayout layout = new PatternLayout();
        layout.getInstanceConverterMap().put("redactedMsg", RedactingMessageConverter::new);
        layout.getInstanceConverterMap().put("redactedEx", RedactingThrowableConverter::new);
        layout.setContext(context);
        layout.setPattern(PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        String level = EnvironmentVariables.system().get("ROVER_LOG_LEVEL").filter(v -> !v.isBlank()).orElse("WARN");
        context.getLogger("dev.rover").setLevel(Level.toLevel(level.trim(), Level.WARN));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
