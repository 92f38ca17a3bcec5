package dev.rover.core.error;

/**
 * The call is well-formed but cannot be done now: the Rover is closed, or the run is still being
 * finished (its record completed, its webhook sent). The message says what to do instead.
 */
public class RoverStateException extends RoverException {

    public RoverStateException(String message) {
        super(message);
    }
}
