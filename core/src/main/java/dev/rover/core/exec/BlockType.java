package dev.rover.core.exec;

import dev.rover.core.definition.BlockDefinition;

/**
 * The implementation of one {@code block_type}, found through {@link java.util.ServiceLoader}
 * (a {@code META-INF/services/dev.rover.core.exec.BlockType} entry). {@code core} loads and validates
 * definitions without knowing any implementation; running needs one for every block type used.
 */
public interface BlockType {

    /** The {@code block_type} this implements, for example {@code "wait"}. */
    String type();

    /**
     * Runs one block whose fields the executor has already rendered. Implementations honour
     * {@link BlockContext#cancellation()} and the run deadline, and report failure through the
     * result rather than by throwing; an exception that escapes fails the block with its message.
     */
    BlockResult execute(BlockDefinition block, BlockContext context) throws Exception;
}
