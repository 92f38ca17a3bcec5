package dev.rover.core.exec;

import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.definition.BlockSchema;
import dev.rover.core.definition.BlockSchemas;

import java.util.Optional;

/**
 * The implementation of one {@code block_type}, found through {@link java.util.ServiceLoader}
 * (a {@code META-INF/services/dev.rover.core.exec.BlockType} entry). {@code core} loads and validates
 * definitions without knowing any implementation; running needs one for every block type used.
 */
public interface BlockType {

    /** The {@code block_type} this implements, for example {@code "wait"}. */
    String type();

    /**
     * The format of this type's own fields, which the loader checks every block of the type against
     * (kinds, required fields). Default: the format Skyvern documents for a Skyvern type, none for a new
     * type; a new type declares its own so its blocks are validated like built-in ones.
     */
    default Optional<BlockSchema> schema() {
        return BlockSchemas.skyvern().schema(type());
    }

    /**
     * Runs one block whose fields the executor has already rendered. Implementations honour
     * {@link BlockContext#cancellation()} and the run deadline, and report failure through the
     * result rather than by throwing; an exception that escapes fails the block with its message.
     */
    BlockResult execute(BlockDefinition block, BlockContext context) throws Exception;
}
