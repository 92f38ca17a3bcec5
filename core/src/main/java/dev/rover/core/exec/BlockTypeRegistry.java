package dev.rover.core.exec;

import dev.rover.core.definition.BlockSchemas;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The block types a run can use, by {@code block_type}: found through {@link ServiceLoader} in an
 * application, or given explicitly (tests, embedding with custom blocks).
 */
public final class BlockTypeRegistry {

    private final Map<String, BlockType> types;

    private BlockTypeRegistry(Map<String, BlockType> types) {
        this.types = java.util.Collections.unmodifiableMap(types);
        this.runnability = new RunnabilityCheck(this.types.values());
    }

    /** Built once: every launch checks its workflow with it. */
    private final RunnabilityCheck runnability;

    /** The block types on the class path ({@code META-INF/services/dev.rover.core.exec.BlockType}). */
    public static BlockTypeRegistry fromServiceLoader() {
        return of(ServiceLoader.load(BlockType.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    /**
     * Exactly these block types.
     *
     * @throws IllegalArgumentException when two implement the same {@code block_type}
     */
    public static BlockTypeRegistry of(Collection<? extends BlockType> blockTypes) {
        Map<String, BlockType> byType = new TreeMap<>();
        for (BlockType t : blockTypes) {
            BlockType previous = byType.putIfAbsent(t.type(), t);
            if (previous != null) {
                throw new IllegalArgumentException("block type '" + t.type() + "' is implemented twice: by "
                        + previous.getClass().getName() + " and " + t.getClass().getName());
            }
        }
        return new BlockTypeRegistry(byType);
    }

    /** The implementation of a {@code block_type}. */
    public Optional<BlockType> find(String blockType) {
        return Optional.ofNullable(types.get(blockType));
    }

    /**
     * Refuses a workflow with a block or parameter type this registry cannot run, before anything of it runs.
     *
     * @throws NotRunnableException naming every unsupported block and parameter
     */
    public void requireRunnable(dev.rover.core.definition.Workflow workflow) {
        runnability.requireRunnable(workflow);
    }

    /** The field formats these block types declare. */
    public BlockSchemas schemas() {
        return BlockSchemas.of(types.values().stream().flatMap(t -> t.schema().stream()).toList());
    }

    /** The supported {@code block_type}s, sorted. */
    public List<String> supported() {
        return List.copyOf(types.keySet());
    }
}
