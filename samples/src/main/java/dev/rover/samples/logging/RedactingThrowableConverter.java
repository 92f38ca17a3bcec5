package dev.rover.samples.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.rover.core.secret.SecretRedaction;

/**
 * Logback's {@code %ex} with open secret values replaced by their placeholders: an exception
 * message (from a third-party library, say) can echo a typed value, and its stack trace is
 * logged next to the already redacted message. Registered by RoverLogConfigurator as {@code %redactedEx}.
 */
public class RedactingThrowableConverter extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return SecretRedaction.redact(super.throwableProxyToString(proxy));
    }
}
