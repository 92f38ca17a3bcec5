package dev.rover.core.definition;

import java.util.List;

/**
 * Skyvern's {@code version} rules: omitted means 2 when a top-level block is {@code conditional} or
 * sets {@code next_block_label}, else 1; only 1 and 2 exist; version 1 cannot use graph constructs.
 */
final class VersionRules {

    private VersionRules() {
    }

    /** The effective version, reporting a declared one that is unknown or contradicts the blocks. */
    static int resolve(MappingView definition, Long declared, List<BlockDefinition> blocks, BlockReader reader) {
        boolean usesGraph = blocks.stream().anyMatch(VersionRules::usesGraph);
        if (declared == null) {
            return usesGraph ? 2 : 1;
        }
        Problems problems = definition.problems();
        if (declared != 1 && declared != 2) {
            problems.add(definition.positionOf("version"), definition.path("version"),
                    "version must be 1 (blocks run in order) or 2 (next_block_label graph), found " + declared);
            return usesGraph ? 2 : 1;
        }
        if (declared == 1) {
            for (BlockDefinition block : blocks) {
                String path = reader.pathOf(block);
                if ("conditional".equals(block.blockType())) {
                    problems.add(block.positionOf("block_type"), path + ".block_type", "block '" + block.label()
                            + "' is a conditional, which needs version 2; set version: 2 or omit version");
                }
                if (block.nextBlockLabel() != null) {
                    problems.add(block.positionOf("next_block_label"), path + ".next_block_label", "block '"
                            + block.label() + "' sets next_block_label, which needs version 2; set version: 2 or remove it");
                }
            }
        }
        return declared.intValue();
    }

    private static boolean usesGraph(BlockDefinition block) {
        return "conditional".equals(block.blockType()) || block.nextBlockLabel() != null;
    }
}
