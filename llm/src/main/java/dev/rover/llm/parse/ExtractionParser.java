package dev.rover.llm.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.core.engine.Extraction;
import dev.rover.core.engine.Usage;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an extract answer ({@code {"reasoning": ..., "data": <value>}}) and lightly checks the data
 * against the schema's top level (type and required properties). Full JSON-schema validation is the
 * extraction block's job.
 */
public final class ExtractionParser {

    /**
     * The extraction in this answer, with zero usage.
     *
     * @throws InvalidAnswerException when there is no data or it misses what the schema requires
     */
    public Extraction parse(String answer, JsonNode schema) {
        JsonNode root = LenientJson.parse(answer);
        if (!root.isObject() || !root.has("data")) {
            throw new InvalidAnswerException("the answer must be a JSON object with the extracted value under \"data\"");
        }
        JsonNode data = root.get("data");
        List<String> problems = new ArrayList<>();
        if (schema != null && schema.isObject()) {
            String type = schema.path("type").asText("");
            if (type.equals("object") && !data.isObject()) {
                problems.add("\"data\" must be a JSON object as the schema says, got " + data.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            } else if (type.equals("array") && !data.isArray()) {
                problems.add("\"data\" must be a JSON array as the schema says, got " + data.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            JsonNode required = schema.get("required");
            if (data.isObject() && required != null && required.isArray()) {
                required.forEach(r -> {
                    if (!data.has(r.asText())) {
                        problems.add("\"data\" misses the required property \"" + r.asText() + "\"");
                    }
                });
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidAnswerException(problems);
        }
        return new Extraction(data, ActionReader.text(root, "reasoning").orElse(""), Usage.ZERO);
    }
}
