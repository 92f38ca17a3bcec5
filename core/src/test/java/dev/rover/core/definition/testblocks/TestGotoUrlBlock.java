package dev.rover.core.definition.testblocks;

import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockType;

/** A test-only implementation of {@code goto_url}, registered through META-INF/services for RunnabilityCheck tests. */
public final class TestGotoUrlBlock implements BlockType {

    @Override
    public String type() {
        return "goto_url";
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) {
        return BlockResult.failed("test-only " + type() + " block registered for RunnabilityCheckTest; it does not run");
    }
}
