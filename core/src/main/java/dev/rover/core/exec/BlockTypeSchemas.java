package dev.rover.core.exec;

import dev.rover.core.definition.BlockSchemas;

/**
 * Tells the loader ({@link BlockSchemas#fromClassPath()}) the field formats of the block types
 * {@link java.util.ServiceLoader} finds, so a workflow is checked against what each type declares.
 * Registered as a {@link BlockSchemas.Source} service of core.
 */
public final class BlockTypeSchemas implements BlockSchemas.Source {

    @Override
    public BlockSchemas schemas() {
        return BlockTypeRegistry.fromServiceLoader().schemas();
    }
}
