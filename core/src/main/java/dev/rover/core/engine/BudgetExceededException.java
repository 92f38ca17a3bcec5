package dev.rover.core.engine;

import dev.rover.core.error.RoverException;

/**
 * A run spent its token or cost budget. Unlike {@link EngineException} this stops the whole run,
 * not one step; the message says which limit was hit and by how much.
 */
public class BudgetExceededException extends RoverException {
    public BudgetExceededException(String message) {
        super(message);
    }
}
