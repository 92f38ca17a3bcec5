/**
 * Logback pieces for the rover command line and the samples: converters that pass every log
 * message and stack trace through {@link dev.rover.core.secret.SecretRedaction} before it is written.
 */
package dev.rover.samples.logging;
