package dev.rover.blocks.types;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.blocks.agent.DataSchemas;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.engine.Engine;
import dev.rover.core.engine.EngineException;
import dev.rover.core.engine.TextPromptRequest;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockType;
import dev.rover.core.json.Json;

import java.util.Map;

/**
 * {@code text_prompt}: one call to the run's language model with the rendered {@code prompt}; the answer
 * must match {@code json_schema} (Skyvern's default when none: an object with a string {@code llm_response})
 * and is the block's output. The block's {@code model} picks another model of the same provider. Engines
 * that call no model (offline) refuse the block by name.
 */
public final class TextPromptBlock implements BlockType {

    /** The schema Skyvern uses when a text_prompt block gives none. */
    static final Map<String, Object> DEFAULT_SCHEMA = Map.of("type", "object",
            "properties", Map.of("llm_response", Map.of("type", "string")), "required", java.util.List.of("llm_response"));

    @Override
    public String type() {
        return "text_prompt";
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) {
        String prompt = block.string("prompt").filter(s -> !s.isBlank()).orElse(null);
        if (prompt == null) {
            return BlockResult.failed("text_prompt block '" + block.label() + "' has no prompt");
        }
        JsonNode schema;
        try {
            Object declared = block.field("json_schema").orElse(null);
            schema = DataSchemas.normalize(declared == null || "".equals(declared) ? DEFAULT_SCHEMA : declared);
        } catch (IllegalArgumentException e) {
            return BlockResult.failed("text_prompt block '" + block.label() + "': json_schema " + e.getMessage());
        }
        Engine engine = BlockSupport.engine(block, context);
        String redactedPrompt = context.services().secrets().redact(prompt);
        SchemaAnswers.Answer answer;
        try {
            answer = SchemaAnswers.ask(schema, previousError ->
                    engine.complete(new TextPromptRequest(block.label(), redactedPrompt, schema, previousError)));
        } catch (EngineException e) {
            return BlockResult.failed(context.services().secrets().redact(e.getMessage()));
        }
        context.addSteps(1);
        if (!answer.ok()) {
            return BlockResult.failed("text_prompt block '" + block.label() + "': " + answer.failure());
        }
        Object data = Json.mapper().convertValue(answer.data(), Object.class);
        return BlockResult.completed(context.services().secrets().redactDeep(data));
    }
}
