package dev.rover.llm.model;

/** One call to a provider took longer than the configured per-call timeout. */
public class ProviderTimeoutException extends RuntimeException {
    public ProviderTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
