package dev.rover.llm;

import dev.rover.core.engine.EngineException;

/**
 * The model provider failed after retries, timed out, or is failing fast because its circuit is
 * open. The message names the provider and what happened, never a key.
 */
public class ProviderException extends EngineException {
    public ProviderException(String message) {
        super(message);
    }

    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
