package dev.rover.server;

import dev.rover.core.error.InvalidRequestException;

import java.util.List;

/**
 * A request body or query value that is missing, of the wrong type or not allowed, named by its
 * field path (for example {@code body.max_steps}) with what would be accepted; answered with 422 in
 * FastAPI's shape, as Skyvern's clients expect.
 */
public final class InvalidFieldException extends InvalidRequestException {

    private final List<String> location;

    public InvalidFieldException(List<String> location, String message) {
        super(String.join(".", location) + ": " + message);
        this.location = List.copyOf(location);
    }

    /** The field path, for example {@code ["body", "max_steps"]}. */
    public List<String> location() {
        return location;
    }

    /** What is wrong, without the path. */
    public String problem() {
        String message = getMessage();
        return message.substring(message.indexOf(": ") + 2);
    }
}
