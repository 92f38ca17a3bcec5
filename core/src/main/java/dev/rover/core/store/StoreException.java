package dev.rover.core.store;

/**
 * A store could not do what was asked (database unreachable, schema too new, unreadable record); unchecked
 * because callers rarely recover locally, and the message says which database or run is concerned.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
