package dev.rover.core.exec;

import java.util.List;

/**
 * The outcome of one block: its status, its output (JSON-shaped: maps, lists, strings, numbers,
 * booleans, null), a failure reason a person understands, error codes matched from
 * {@code error_code_mapping}, and, for branching blocks, the label to go to next.
 */
public record BlockResult(BlockStatus status, Object output, String failureReason, List<String> errorCodes,
                          String nextBlockLabel) {

    /** The {@link #nextBlockLabel()} a branching block returns to end a version 2 workflow here. */
    public static final String END_OF_WORKFLOW = "";

    public BlockResult {
        errorCodes = errorCodes == null ? List.of() : List.copyOf(errorCodes);
    }

    public static BlockResult completed(Object output) {
        return new BlockResult(BlockStatus.COMPLETED, output, null, List.of(), null);
    }

    public static BlockResult failed(String reason) {
        return new BlockResult(BlockStatus.FAILED, null, reason, List.of(), null);
    }

    public static BlockResult terminated(String reason, List<String> errorCodes) {
        return new BlockResult(BlockStatus.TERMINATED, null, reason, errorCodes, null);
    }

    public static BlockResult canceled() {
        return new BlockResult(BlockStatus.CANCELED, null, "canceled", List.of(), null);
    }

    public static BlockResult timedOut(String reason) {
        return new BlockResult(BlockStatus.TIMED_OUT, null, reason, List.of(), null);
    }

    /** This result, with a branch target for the version 2 graph. */
    public BlockResult withNextBlockLabel(String label) {
        return new BlockResult(status, output, failureReason, errorCodes, label);
    }

    /** This result, with output attached. */
    public BlockResult withOutput(Object newOutput) {
        return new BlockResult(status, newOutput, failureReason, errorCodes, nextBlockLabel);
    }
}
