package dev.rover.blocks.types;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.definition.BlockSchema;
import dev.rover.core.definition.FieldSpec;
import dev.rover.core.definition.ValueKind;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockType;
import dev.rover.core.exec.RunServices;
import dev.rover.core.json.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code code}: runs JavaScript in the current page ({@code language: javascript}, Rover's extension
 * of Skyvern's Python code block; the loader refuses Python). The code is the body of an async function
 * that sees the run's values (parameters, earlier outputs) as variables and as {@code params}; what it
 * returns is the block's output.
 */
public final class CodeBlock implements BlockType {

    @Override
    public String type() {
        return "code";
    }

    @Override
    public Optional<BlockSchema> schema() {
        return Optional.of(BlockSchema.of("code", List.of(FieldSpec.required("code", ValueKind.STRING),
                FieldSpec.optional("language", ValueKind.STRING), FieldSpec.optional("parameter_keys", ValueKind.LIST))));
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) {
        String code = block.string("code").orElse("");
        if (code.isBlank()) {
            return BlockResult.failed("code block '" + block.label() + "' has no code");
        }
        RunServices runtime = context.services();
        String bindings;
        try {
            bindings = Json.mapper().writeValueAsString(bindings(block, context));
        } catch (JsonProcessingException e) {
            return BlockResult.failed("code block '" + block.label() + "': the run's values cannot be given to JavaScript: "
                    + e.getOriginalMessage());
        }
        try {
            String result = runtime.browser().evaluate(code, bindings);
            return BlockResult.completed(runtime.secrets().redactDeep(Json.mapper().readValue(result, Object.class)));
        } catch (IllegalStateException e) {
            return BlockResult.failed(runtime.secrets().redact("code block '" + block.label() + "': " + e.getMessage()));
        } catch (JsonProcessingException e) {
            return BlockResult.failed("code block '" + block.label() + "' returned a value that is not JSON");
        }
    }

    /** The values the code sees: its {@code parameter_keys} when it lists them, else every value of the run. */
    private static Map<String, Object> bindings(BlockDefinition block, BlockContext context) {
        List<?> keys = block.list("parameter_keys");
        if (keys.isEmpty()) {
            return new LinkedHashMap<>(context.values());
        }
        Map<String, Object> chosen = new LinkedHashMap<>();
        keys.forEach(k -> chosen.put(String.valueOf(k), context.values().get(String.valueOf(k))));
        return chosen;
    }
}
