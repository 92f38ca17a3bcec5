package dev.rover.core.definition;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loader rules for while_loop, code and the Skyvern HEAD types, and misspelt block types. */
class FlowBlockDefinitionTest {

    private final WorkflowLoader loader = new WorkflowLoader();

    private static String blocks(String yaml) {
        return "title: T\nworkflow_definition:\n  blocks:\n" + yaml.indent(4);
    }

    @Test
    void aMisspeltBlockTypeIsAnErrorSuggestingTheClosestKnownType() {
        assertThatThrownBy(() -> loader.load(blocks("- {block_type: naviagtion, label: go, navigation_goal: x}"), "m.yaml"))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("m.yaml:4:").hasMessageContaining("unknown block_type 'naviagtion'; did you mean 'navigation'?");
        assertThatThrownBy(() -> loader.load(blocks("- {block_type: while_lop, label: w, condition: {}, loop_blocks: []}"), "m.yaml"))
                .hasMessageContaining("did you mean 'while_loop'?");
        assertThatThrownBy(() -> loader.load(blocks("- {block_type: Goto_URL, label: go, url: x}"), "m.yaml"))
                .hasMessageContaining("did you mean 'goto_url'?");
    }

    @Test
    void theBlockTypesOfSkyvernsHeadLoadAndAreKnown() {
        Workflow w = loader.load(blocks("""
                - {block_type: workflow_trigger, label: a}
                - {block_type: google_sheets_read, label: b}
                - {block_type: google_sheets_write, label: c}
                - {block_type: pdf_fill, label: d}
                - {block_type: split_pdf, label: e}
                - {block_type: email_inbox, label: f}
                - {block_type: print_page, label: g}
                """), "head.yaml");

        assertThat(w.blocks()).hasSize(7);
        assertThat(BlockSchemas.fromClassPath().types()).contains("workflow_trigger", "google_sheets_read",
                "google_sheets_write", "pdf_fill", "split_pdf", "email_inbox", "print_page", "while_loop");
    }

    @Test
    void aWhileLoopsBlocksAreReadLikeAForLoopsAndItsConditionIsChecked() {
        Workflow w = loader.load(blocks("""
                - block_type: while_loop
                  label: poll
                  max_iterations: 5
                  condition: {criteria_type: jinja2_template, expression: "{{ poll_output }}"}
                  loop_blocks:
                    - {block_type: wait, label: nap, wait_sec: 1}
                """), "w.yaml");

        assertThat(w.blocks().get(0).loopBlocks()).extracting(BlockDefinition::label).containsExactly("nap");
        assertThat(w.blocks().get(0).fields()).doesNotContainKey("loop_blocks").containsKey("condition");
        assertThat(w.allBlocks()).extracting(BlockDefinition::label).containsExactly("poll", "nap");

        assertThatThrownBy(() -> loader.load(blocks("""
                - block_type: while_loop
                  label: poll
                  max_iterations: 0
                  condition: {criteria_type: guess, expression: x}
                  loop_blocks:
                    - {block_type: wait, label: poll, wait_sec: 0}
                """), "w.yaml"))
                .hasMessageContaining("max_iterations must be greater than 0")
                .hasMessageContaining("unknown criteria_type 'guess'; allowed: jinja2_template, prompt")
                .hasMessageContaining("label 'poll' is already used")
                .hasMessageContaining("wait_sec must be greater than 0");
        assertThatThrownBy(() -> loader.load(blocks("- {block_type: while_loop, label: poll, loop_blocks: []}"), "w.yaml"))
                .hasMessageContaining("condition").hasMessageContaining("loop_blocks must list at least one block");
    }

    @Test
    void pythonCodeIsRefusedWhenLoadingAndJavaScriptLoads() {
        assertThatThrownBy(() -> loader.load(blocks("- {block_type: code, label: c, code: 'result = 1'}"), "c.yaml"))
                .hasMessageContaining("this code block is Python").hasMessageContaining("Rover cannot run")
                .hasMessageContaining("language: javascript");
        assertThatThrownBy(() -> loader.load(blocks("- {block_type: code, label: c, language: python, code: 'x = 1'}"), "c.yaml"))
                .hasMessageContaining("Rover cannot run python code");

        Workflow w = loader.load(blocks("- {block_type: code, label: c, language: javascript, code: 'return 1'}"), "c.yaml");
        assertThat(w.blocks().get(0).fields()).containsEntry("language", "javascript");
    }
}
