package dev.rover.core.definition.testblocks;

import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockType;

/** A test-only implementation of {@code wait}, registered through META-INF/services for RunnabilityCheck tests. */
public final class TestWaitBlock implements BlockType {

    @Override
    public String type() {
        return "wait";
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) {
        return BlockResult.failed("test-only " + type() + " block registered for RunnabilityCheckTest; it does not run");
    }
}
