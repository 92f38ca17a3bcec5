package dev.rover.core.definition;

import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockType;

import java.util.List;
import java.util.Optional;

/** A third-party block type (not one of Skyvern's) that declares the format of its own fields. */
public final class TestBeamBlock implements BlockType {

    static final String TYPE = "beam";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<BlockSchema> schema() {
        return Optional.of(BlockSchema.of(TYPE, List.of(FieldSpec.required("destination", ValueKind.STRING))));
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) {
        return BlockResult.completed(block.string("destination").orElse(""));
    }
}
