package dev.rover.core.error;

/**
 * The root of every exception Rover's API throws on purpose, so an application can catch Rover's
 * failures in one place and tell them apart by subtype: a request it should fix
 * ({@link InvalidRequestException} and its kinds), a wait that ran out ({@link RunTimeoutException}),
 * a Rover that cannot take the call now ({@link RoverStateException}), an engine or store failure.
 * Messages say what is wrong and where, and never contain a secret.
 */
public class RoverException extends RuntimeException {

    public RoverException(String message) {
        super(message);
    }

    public RoverException(String message, Throwable cause) {
        super(message, cause);
    }
}
