package dev.rover.core.definition;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Block formats: Skyvern's documented ones, the ones block types on the class path declare (a
 * third-party type is checked like a built-in one), and an unknown type still loads.
 */
class BlockSchemasTest {

    private final BlockSchemas catalog = BlockSchemas.skyvern();

    @Test
    void knowsSkyvernsBlockTypes() {
        assertThat(catalog.types()).contains("goto_url", "wait", "navigation", "action", "login", "extraction", "task",
                "for_loop", "conditional", "text_prompt", "validation", "code", "send_email", "file_download",
                "http_request", "file_url_parser", "pdf_parser", "upload_to_s3", "task_v2");
        assertThat(catalog.types()).doesNotContain("teleport");
        assertThat(catalog.schema("teleport")).isEmpty();
    }

    @Test
    void requiredFieldsFollowTheSpecification() {
        assertThat(catalog.schema("navigation").orElseThrow().requiredFields()).containsExactly("navigation_goal");
        assertThat(catalog.schema("extraction").orElseThrow().requiredFields()).containsExactly("data_extraction_goal");
        assertThat(catalog.schema("goto_url").orElseThrow().requiredFields()).containsExactly("url");
        assertThat(catalog.schema("wait").orElseThrow().requiredFields()).containsExactly("wait_sec");
        assertThat(catalog.schema("for_loop").orElseThrow().requiredFields()).containsExactly("loop_blocks");
        assertThat(catalog.schema("conditional").orElseThrow().requiredFields()).containsExactly("branch_conditions");
        assertThat(catalog.schema("text_prompt").orElseThrow().requiredFields()).containsExactly("prompt");
        assertThat(catalog.schema("login").orElseThrow().requiredFields()).as("login has a built-in goal").isEmpty();
    }

    @Test
    void fieldKindsAreDescribedForMessages() {
        FieldSpec schema = catalog.schema("extraction").orElseThrow().field("data_schema").orElseThrow();
        assertThat(schema.kinds()).isEqualTo(Set.of(ValueKind.MAP, ValueKind.LIST, ValueKind.STRING));
        assertThat(ValueKind.describe(schema.orderedKinds())).isEqualTo("string, map or list");
        assertThat(catalog.schema("wait").orElseThrow().field("wait_sec").orElseThrow().kinds()).containsExactly(ValueKind.INTEGER);
        assertThat(ValueKind.NUMBER.accepts(ValueKind.INTEGER)).isTrue();
        assertThat(ValueKind.INTEGER.accepts(ValueKind.NUMBER)).isFalse();
    }

    @Test
    void anUnknownBlockTypeLoadsWithItsFieldsKept() {
        Workflow w = new WorkflowLoader().load("""
                title: T
                workflow_definition:
                  blocks:
                    - {block_type: teleport, label: beam, destination: mars, crew: [a, b]}
                """, "t.yaml");

        assertThat(w.blocks()).singleElement().satisfies(b -> {
            assertThat(b.blockType()).isEqualTo("teleport");
            assertThat(b.fields()).containsEntry("destination", "mars").containsKey("crew");
        });
    }

    @Test
    void aBlockTypeOnTheClassPathIsCheckedAgainstTheFormatItDeclares() {
        assertThat(BlockSchemas.fromClassPath().schema(TestBeamBlock.TYPE)).isPresent();

        assertThatThrownBy(() -> new WorkflowLoader().load("""
                title: T
                workflow_definition:
                  blocks:
                    - {block_type: beam, label: up, destination: 42}
                """, "beam.yaml"))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("beam.yaml:4:")
                .hasMessageContaining("workflow_definition.blocks[0].destination: expected string, found integer '42'");
        assertThatThrownBy(() -> new WorkflowLoader().load("""
                title: T
                workflow_definition:
                  blocks:
                    - {block_type: beam, label: up}
                """, "beam.yaml"))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("required field 'destination' is missing");
    }

    @Test
    void aLoaderCanBeGivenExactlyTheFormatsToCheck() {
        BlockSchemas only = BlockSchemas.of(java.util.List.of(BlockSchema.of("beam",
                java.util.List.of(FieldSpec.required("destination", ValueKind.STRING)))));

        Workflow w = new WorkflowLoader(only).load("""
                title: T
                workflow_definition:
                  blocks:
                    - {block_type: navigation, label: go, navigation_goal: 42}
                """, "t.yaml");

        assertThat(w.blocks()).singleElement().extracting(BlockDefinition::blockType).isEqualTo("navigation");
    }
}
