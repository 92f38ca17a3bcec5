package dev.rover.core.exec;

/** Words for why a block ended a run: {@code block '<label>' failed: <reason>} and its siblings. */
final class FailureReasons {

    private FailureReasons() {
    }

    /** The run's failure reason for a block that ended with this result. */
    static String of(String label, BlockResult result) {
        String reason = result.failureReason() == null || result.failureReason().isBlank()
                ? "no reason given" : result.failureReason();
        String prefix = "block '" + label + "'";
        if (reason.startsWith(prefix)) {
            return reason;
        }
        String verb = switch (result.status()) {
            case TERMINATED -> " terminated: ";
            case TIMED_OUT -> " timed out: ";
            case CANCELED -> " was canceled: ";
            default -> " failed: ";
        };
        return prefix + verb + reason;
    }
}
