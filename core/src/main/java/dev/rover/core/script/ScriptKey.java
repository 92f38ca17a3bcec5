package dev.rover.core.script;

import java.util.Objects;

/**
 * What a block script is cached under: the workflow (its permanent id, or {@code sha256:...} of the definition
 * for a file), the rendered {@code cache_key}, and the block's label.
 */
public record ScriptKey(String workflow, String cacheKey, String blockLabel) {

    public ScriptKey {
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(cacheKey, "cacheKey");
        Objects.requireNonNull(blockLabel, "blockLabel");
    }
}
