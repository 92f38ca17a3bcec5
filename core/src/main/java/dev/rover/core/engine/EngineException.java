package dev.rover.core.engine;

import dev.rover.core.error.RoverException;

/**
 * An engine could not answer: the model gave an invalid answer twice, or the provider failed.
 * The agent loop turns it into a failed step; the message says what was wrong.
 */
public class EngineException extends RoverException {
    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
