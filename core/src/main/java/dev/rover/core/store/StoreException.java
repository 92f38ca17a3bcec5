package dev.rover.core.store;

import dev.rover.core.error.RoverException;

/**
 * A store could not do what was asked (database unreachable, schema too new, unreadable record); unchecked
 * because callers rarely recover locally, and the message says which database or run is concerned.
 */
public class StoreException extends RoverException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
