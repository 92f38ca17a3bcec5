package dev.rover.server;

import dev.rover.core.error.RoverException;

/** An id in a request path that names nothing (a workflow, artifact, session or credential); answered with 404. */
public final class NotFoundException extends RoverException {

    public NotFoundException(String what, String id) {
        super("no " + what + " with id '" + id + "'");
    }
}
