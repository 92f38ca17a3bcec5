package dev.rover.core.error;

/** No run has this id in the store (it never existed, or the id is malformed). */
public class RunNotFoundException extends InvalidRequestException {

    private final String runId;

    public RunNotFoundException(String runId) {
        super("no run " + runId);
        this.runId = runId;
    }

    /** The id that was asked for, as given. */
    public String runId() {
        return runId;
    }
}
