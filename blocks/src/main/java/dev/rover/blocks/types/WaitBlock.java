package dev.rover.blocks.types;

import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockType;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** {@code wait}: pauses for {@code wait_sec} (0 < wait_sec ≤ 1800); a cancel or the run deadline ends the wait at once. */
public final class WaitBlock implements BlockType {

    /** The longest wait Skyvern allows. */
    public static final double MAX_SECONDS = 1800;

    @Override
    public String type() {
        return "wait";
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) throws InterruptedException {
        double seconds = BlockFields.number(block, "wait_sec", -1);
        if (!(seconds > 0 && seconds <= MAX_SECONDS)) {
            return BlockResult.failed("wait block '" + block.label() + "' needs 0 < wait_sec <= 1800, got "
                    + block.field("wait_sec").map(String::valueOf).orElse("nothing"));
        }
        Duration wanted = Duration.ofMillis((long) (seconds * 1000));
        Duration left = context.deadline() == null ? wanted : Duration.between(Instant.now(), context.deadline());
        boolean deadlineFirst = left.compareTo(wanted) < 0;
        if (context.cancellation().sleep(deadlineFirst ? left : wanted)) {
            return BlockResult.canceled();
        }
        if (deadlineFirst) {
            return BlockResult.timedOut("the run's time limit expired during wait block '" + block.label() + "'");
        }
        return BlockResult.completed(Map.of("success", true));
    }
}
