package dev.rover.core.definition;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, validated workflow definition: what a YAML or JSON file says, with defaults
 * applied and {@code version} inferred. Loading produces it; running reads it and never changes it.
 *
 * @param source                where it was loaded from (a file name, or {@code <code>})
 * @param title                 required title
 * @param description           optional description
 * @param settings              run settings from the top level
 * @param version               1 (sequential) or 2 ({@code next_block_label} graph)
 * @param parameters            declared parameters, then one {@code <label>_output} per block not already declared
 * @param blocks                top-level blocks in file order
 * @param finallyBlockLabel     a block that always runs last, or null
 * @param errorCodeMapping      workflow-wide error codes
 * @param workflowSystemPrompt  extra instructions for every engine call, or null
 */
public record Workflow(
        String source,
        String title,
        String description,
        WorkflowSettings settings,
        int version,
        List<Parameter> parameters,
        List<BlockDefinition> blocks,
        String finallyBlockLabel,
        Map<String, String> errorCodeMapping,
        String workflowSystemPrompt) {

    public Workflow {
        settings = settings == null ? WorkflowSettings.DEFAULTS : settings;
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
        errorCodeMapping = errorCodeMapping == null ? Map.of() : Map.copyOf(errorCodeMapping);
    }

    /** The top-level block with this label. */
    public Optional<BlockDefinition> block(String label) {
        return blocks.stream().filter(b -> b.label().equals(label)).findFirst();
    }

    /** The parameter with this key. */
    public Optional<Parameter> parameter(String key) {
        return parameters.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /** Every block, nested loop blocks included, depth first in file order. */
    public List<BlockDefinition> allBlocks() {
        var all = new java.util.ArrayList<BlockDefinition>();
        collect(blocks, all);
        return all;
    }

    private static void collect(List<BlockDefinition> level, List<BlockDefinition> into) {
        for (BlockDefinition b : level) {
            into.add(b);
            collect(b.loopBlocks(), into);
        }
    }
}
