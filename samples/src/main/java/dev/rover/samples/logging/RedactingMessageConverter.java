package dev.rover.samples.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.rover.core.secret.SecretRedaction;

/**
 * Logback's {@code %msg} with every value of an open {@link dev.rover.core.secret.SecretScope}
 * replaced by its placeholder, so a password or TOTP secret that slips into a log argument
 * never reaches the log while its run is going. Registered by RoverLogConfigurator as {@code %redactedMsg}.
 */
public class RedactingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return SecretRedaction.redact(super.convert(event));
    }
}
