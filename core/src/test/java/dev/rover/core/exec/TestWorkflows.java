package dev.rover.core.exec;

import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.definition.Parameter;
import dev.rover.core.definition.SourcePosition;
import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowSettings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds workflows and blocks in code for executor tests (the loader is another package's job). */
final class TestWorkflows {

    private TestWorkflows() {
    }

    static Workflow workflow(int version, List<Parameter> parameters, String finallyLabel, BlockDefinition... blocks) {
        return new Workflow("<test>", "test workflow", null, WorkflowSettings.DEFAULTS, version, parameters,
                List.of(blocks), finallyLabel, Map.of(), null);
    }

    static Workflow v1(BlockDefinition... blocks) {
        return workflow(1, List.of(), null, blocks);
    }

    static Workflow v2(BlockDefinition... blocks) {
        return workflow(2, List.of(), null, blocks);
    }

    /** A block with fields given as key, value pairs. */
    static BlockDefinition block(String type, String label, Object... fieldPairs) {
        return new Block(type, label).fields(fieldPairs).build();
    }

    static Block blockBuilder(String type, String label) {
        return new Block(type, label);
    }

    static Parameter.WorkflowParameter param(String key, Parameter.ValueType type, Object defaultValue) {
        return new Parameter.WorkflowParameter(key, null, type, defaultValue, SourcePosition.UNKNOWN);
    }

    /** Assembles a {@link BlockDefinition} with the optional settings tests need. */
    static final class Block {
        private final String type;
        private final String label;
        private final Map<String, Object> fields = new LinkedHashMap<>();
        private String next;
        private boolean continueOnFailure;
        private boolean nextLoopOnFailure;
        private List<BlockDefinition> loopBlocks = List.of();

        Block(String type, String label) {
            this.type = type;
            this.label = label;
        }

        Block fields(Object... pairs) {
            for (int i = 0; i < pairs.length; i += 2) {
                fields.put((String) pairs[i], pairs[i + 1]);
            }
            return this;
        }

        Block next(String label) {
            next = label;
            return this;
        }

        Block continueOnFailure() {
            continueOnFailure = true;
            return this;
        }

        Block nextLoopOnFailure() {
            nextLoopOnFailure = true;
            return this;
        }

        Block loopBlocks(BlockDefinition... blocks) {
            loopBlocks = List.of(blocks);
            return this;
        }

        BlockDefinition build() {
            return new BlockDefinition(type, label, next, continueOnFailure, nextLoopOnFailure, null, fields,
                    loopBlocks, SourcePosition.UNKNOWN, Map.of());
        }
    }
}
