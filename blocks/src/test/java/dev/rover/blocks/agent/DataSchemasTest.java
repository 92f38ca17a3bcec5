package dev.rover.blocks.agent;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataSchemasTest {

    @Test
    void aShorthandMapOfPropertiesBecomesAnObjectSchema() {
        JsonNode schema = DataSchemas.normalize(Map.of("name", Map.of("type", "string")));

        assertThat(schema.get("type").asText()).isEqualTo("object");
        assertThat(schema.get("properties").get("name").get("type").asText()).isEqualTo("string");
    }

    @Test
    void unknownTypeNamesBecomeTheClosestJsonType() {
        JsonNode schema = DataSchemas.normalize(Map.of("type", "object", "properties", Map.of(
                "link", Map.of("type", "url"), "when", Map.of("type", "iso-8601-date-string"),
                "price", Map.of("type", "float"), "count", Map.of("type", "int"), "tags", Map.of("type", List.of("list", "null")))));

        JsonNode p = schema.get("properties");
        assertThat(p.get("link").get("type").asText()).isEqualTo("string");
        assertThat(p.get("when").get("type").asText()).isEqualTo("string");
        assertThat(p.get("price").get("type").asText()).isEqualTo("number");
        assertThat(p.get("count").get("type").asText()).isEqualTo("integer");
        assertThat(p.get("tags").get("type").toString()).isEqualTo("[\"array\",\"null\"]");
    }

    @Test
    void aSchemaWrittenAsJsonTextIsParsedAndBadTextIsNamed() {
        assertThat(DataSchemas.normalize("{\"type\":\"object\"}").get("type").asText()).isEqualTo("object");
        assertThat(DataSchemas.normalize(null)).isNull();
        assertThatThrownBy(() -> DataSchemas.normalize("{not json")).hasMessageContaining("data_schema is text but not JSON");
    }
}
