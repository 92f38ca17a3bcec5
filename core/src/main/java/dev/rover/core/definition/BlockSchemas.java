package dev.rover.core.definition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The field formats the loader checks blocks against, by {@code block_type}. Block types declare their
 * own format ({@code dev.rover.core.exec.BlockType#schema()}), so a third-party type is validated exactly
 * like a built-in one; Skyvern's documented formats ({@link #skyvern()}) fill in for Skyvern types whose
 * implementation is not on the class path. A type with no format at all still loads, its fields kept as written.
 */
public interface BlockSchemas {

    /** The format of a block type, when one is known. */
    Optional<BlockSchema> schema(String blockType);

    /** Every block type with a known format. */
    Set<String> types();

    /** Exactly these formats. */
    static BlockSchemas of(Collection<BlockSchema> schemas) {
        Map<String, BlockSchema> byType = new LinkedHashMap<>();
        for (BlockSchema schema : schemas) {
            if (byType.putIfAbsent(schema.type(), schema) != null) {
                throw new IllegalArgumentException("block type '" + schema.type() + "' has two formats");
            }
        }
        Map<String, BlockSchema> fixed = Collections.unmodifiableMap(byType);
        return new BlockSchemas() {
            @Override
            public Optional<BlockSchema> schema(String blockType) {
                return Optional.ofNullable(fixed.get(blockType));
            }

            @Override
            public Set<String> types() {
                return fixed.keySet();
            }
        };
    }

    /** The formats Skyvern documents for its block types. */
    static BlockSchemas skyvern() {
        return SkyvernBlockFormats.ALL;
    }

    /**
     * The formats the block types on the class path declare (every {@link Source} that
     * {@link ServiceLoader} finds), then Skyvern's for the Skyvern types none of them implements.
     */
    static BlockSchemas fromClassPath() {
        // every loader of a process would otherwise scan the class path (and instantiate every block type) again
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        synchronized (ClassPathSchemas.BY_LOADER) {
            return ClassPathSchemas.BY_LOADER.computeIfAbsent(loader, ClassPathSchemas::scan);
        }
    }

    /** The class-path formats, found once per class loader. */
    final class ClassPathSchemas {
        private static final Map<ClassLoader, BlockSchemas> BY_LOADER = new java.util.WeakHashMap<>();

        private ClassPathSchemas() {
        }

        private static BlockSchemas scan(ClassLoader loader) {
            return scanWith(ServiceLoader.load(Source.class, loader));
        }
    }

    private static BlockSchemas scanWith(ServiceLoader<Source> sources) {
        List<BlockSchemas> found = new ArrayList<>();
        sources.forEach(source -> found.add(source.schemas()));
        BlockSchemas all = skyvern();
        for (int i = found.size() - 1; i >= 0; i--) {
            all = found.get(i).or(all);
        }
        return all;
    }

    /** These formats, then {@code fallback}'s for the types these do not know. */
    default BlockSchemas or(BlockSchemas fallback) {
        BlockSchemas first = this;
        return new BlockSchemas() {
            @Override
            public Optional<BlockSchema> schema(String blockType) {
                return first.schema(blockType).or(() -> fallback.schema(blockType));
            }

            @Override
            public Set<String> types() {
                Set<String> all = new LinkedHashSet<>(first.types());
                all.addAll(fallback.types());
                return Collections.unmodifiableSet(all);
            }
        };
    }

    /**
     * Supplies block formats to {@link #fromClassPath()}: registered as
     * {@code META-INF/services/dev.rover.core.definition.BlockSchemas$Source}. Core registers one that
     * asks every {@code BlockType} on the class path for its format.
     */
    interface Source {

        /** The formats this source knows. */
        BlockSchemas schemas();
    }
}
