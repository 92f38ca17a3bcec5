package dev.rover.core.exec;

import dev.rover.core.error.InvalidRequestException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A workflow loaded but uses block or parameter types Rover cannot run; the message names each
 * one with its label or key, its type and the supported types.
 */
public class NotRunnableException extends InvalidRequestException {

    private final transient List<RunnabilityCheck.Unsupported> unsupported;

    public NotRunnableException(String title, List<RunnabilityCheck.Unsupported> unsupported) {
        super(unsupported.stream().map(RunnabilityCheck.Unsupported::describe)
                .collect(Collectors.joining("\n", "workflow '" + title + "' cannot run:\n", "")));
        this.unsupported = List.copyOf(unsupported);
    }

    /** Each block or parameter that cannot run. */
    public List<RunnabilityCheck.Unsupported> unsupported() {
        return unsupported;
    }
}
