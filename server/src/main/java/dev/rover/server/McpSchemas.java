package dev.rover.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.rover.core.json.Json;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks MCP structured tool output against its schema with the JSON schema library the rest of Rover
 * uses (1.5.x); the SDK's own validator is written for 2.x, which cannot share a class path with it.
 */
public final class McpSchemas implements JsonSchemaValidator {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        JsonNode content = Json.mapper().valueToTree(structuredContent);
        Set<ValidationMessage> problems = FACTORY.getSchema(Json.mapper().valueToTree(schema)).validate(content);
        if (problems.isEmpty()) {
            return ValidationResponse.asValid(Json.compact(content));
        }
        return ValidationResponse.asInvalid("structured content does not match the tool's output schema: "
                + problems.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; ")));
    }
}
