package dev.rover.core.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One free-standing question to a model ({@code text_prompt} block): no page, only the rendered prompt
 * and the JSON schema the answer must match.
 *
 * @param blockLabel the asking block's label, for messages
 * @param prompt     the rendered prompt (secrets appear only as placeholders)
 * @param schema        the JSON schema of the answer; never null
 * @param previousError why the previous answer was rejected (a re-ask), or null
 */
public record TextPromptRequest(String blockLabel, String prompt, JsonNode schema, String previousError) {
    public TextPromptRequest {
        java.util.Objects.requireNonNull(prompt, "prompt");
        java.util.Objects.requireNonNull(schema, "schema");
    }
}
