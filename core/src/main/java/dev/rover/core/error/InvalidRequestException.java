package dev.rover.core.error;

/**
 * Something in the caller's request is wrong and nothing was started or recorded for it: an unknown
 * engine, session, profile, credential or parameter, a value out of range. The message names the field
 * and what is allowed. The command line answers these with exit code 2.
 */
public class InvalidRequestException extends RoverException {

    public InvalidRequestException(String message) {
        super(message);
    }

    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
