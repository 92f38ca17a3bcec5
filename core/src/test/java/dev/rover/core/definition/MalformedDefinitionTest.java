package dev.rover.core.definition;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Malformed definitions: each must fail with a problem at the exact line and column, naming the
 * field path and saying what is wrong, never with a parser stack trace or a NullPointerException.
 */
class MalformedDefinitionTest {

    private static final String WAIT_BLOCK = """
            title: T
            workflow_definition:
              blocks:
                - block_type: wait
                  label: w
                  wait_sec: %s
            """;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsPositionPathAndMessage(String name, String content, int line, int column, String path, String message) {
        String source = name.endsWith("json") ? "case.json" : "case.yaml";
        DefinitionException e = catchThrowableOfType(DefinitionException.class,
                () -> new WorkflowLoader().load(content, source));

        assertThat(e).as("expected a DefinitionException").isNotNull();
        assertThat(e.problems())
                .as("problems of %s", name)
                .anySatisfy(p -> {
                    assertThat(p.position()).isEqualTo(new SourcePosition(source, line, column));
                    assertThat(p.path()).isEqualTo(path);
                    assertThat(p.message()).contains(message);
                });
        assertThat(e.getMessage()).contains(source + ":" + line + ":" + column + ": " + path + ": ");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("empty file", "", 1, 1, "(document)", "the file is empty"),
                arguments("only a comment", "# nothing here\n", 1, 1, "(document)", "the file is empty"),
                arguments("top-level list", "- title: T\n- b\n", 1, 1, "(document)", "must be a map, found list"),
                arguments("top-level scalar", "hello\n", 1, 1, "(document)", "must be a map, found string 'hello'"),
                arguments("yaml syntax error", "title: [a, b\nworkflow_definition: {}\n", 2, 20, "(document)",
                        "syntax error: expected ',' or ']'"),
                arguments("bad indentation", "title: T\n  workflow_definition: x\n", 2, 22, "(document)",
                        "syntax error: mapping values are not allowed here"),
                arguments("json syntax error json", "{\"title\": \"T\",\n \"workflow_definition\": {\"blocks\": [}}\n",
                        2, 37, "(document)", "invalid JSON: Unexpected close marker '}': expected ']'"),
                arguments("two documents", "title: A\n---\ntitle: B\n", 2, 1, "(document)",
                        "expected a single document"),
                arguments("duplicate top-level key", "title: A\ntitle: B\nworkflow_definition: {blocks: []}\n",
                        2, 1, "title", "duplicate key 'title' (first written at line 1)"),
                arguments("duplicate block key", WAIT_BLOCK.formatted("5") + "      label: again\n",
                        7, 7, "workflow_definition.blocks[0].label", "duplicate key 'label'"),
                arguments("duplicate key in json json",
                        "{\"title\": \"T\",\n \"workflow_definition\": {\"blocks\": []},\n \"title\": \"U\"}\n",
                        3, 2, "(document)", "invalid JSON: Duplicate field 'title'"),
                arguments("duplicate key inside data_schema", """
                        title: T
                        workflow_definition:
                          blocks:
                            - block_type: extraction
                              label: e
                              data_extraction_goal: get it
                              data_schema:
                                name: {type: string}
                                name: {type: integer}
                        """, 9, 9, "workflow_definition.blocks[0].data_schema.name", "duplicate key 'name'"),
                arguments("missing title", "workflow_definition:\n  blocks: []\n", 1, 1, "title",
                        "required field 'title' is missing; expected string"),
                arguments("null title", "title:\nworkflow_definition:\n  blocks: []\n", 1, 7, "title",
                        "required field 'title' is null"),
                arguments("title is a list", "title: [a]\nworkflow_definition:\n  blocks: []\n", 1, 8, "title",
                        "expected string, found list"),
                arguments("missing workflow_definition", "title: T\n", 1, 1, "workflow_definition",
                        "required field 'workflow_definition' is missing; expected map"),
                arguments("workflow_definition is text", "title: T\nworkflow_definition: blocks\n", 2, 22,
                        "workflow_definition", "expected map, found string 'blocks'"),
                arguments("missing blocks", "title: T\nworkflow_definition:\n  version: 1\n", 3, 3,
                        "workflow_definition.blocks", "required field 'blocks' is missing; expected list"),
                arguments("blocks is a map", "title: T\nworkflow_definition:\n  blocks:\n    a: 1\n", 4, 5,
                        "workflow_definition.blocks", "expected list, found map"),
                arguments("block is text", "title: T\nworkflow_definition:\n  blocks:\n    - wait\n", 4, 7,
                        "workflow_definition.blocks[0]", "a block must be a map, found string 'wait'"),
                arguments("parameters is a map", "title: T\nworkflow_definition:\n  parameters: {a: 1}\n  blocks: []\n",
                        3, 15, "workflow_definition.parameters", "expected list, found map"),
                arguments("missing block_type", """
                        title: T
                        workflow_definition:
                          blocks:
                            - label: w
                              wait_sec: 5
                        """, 4, 7, "workflow_definition.blocks[0].block_type", "required field 'block_type' is missing"),
                arguments("missing label", """
                        title: T
                        workflow_definition:
                          blocks:
                            - block_type: wait
                              wait_sec: 5
                        """, 4, 7, "workflow_definition.blocks[0].label", "required field 'label' is missing"),
                arguments("label with a dash", WAIT_BLOCK.formatted("5").replace("label: w", "label: my-block"),
                        5, 14, "workflow_definition.blocks[0].label",
                        "label 'my-block' is not an identifier; use letters, digits and underscores"),
                arguments("label starting with a digit", WAIT_BLOCK.formatted("5").replace("label: w", "label: 1st"),
                        5, 14, "workflow_definition.blocks[0].label", "label '1st' is not an identifier"),
                arguments("duplicate label", WAIT_BLOCK.formatted("5") + "    - block_type: wait\n      label: w\n      wait_sec: 2\n",
                        8, 14, "workflow_definition.blocks[1].label", "label 'w' is already used by the block at line 5"),
                arguments("duplicate label in a loop", """
                        title: T
                        workflow_definition:
                          blocks:
                            - block_type: for_loop
                              label: loop
                              loop_variable_reference: "{{ items }}"
                              loop_blocks:
                                - block_type: wait
                                  label: loop
                                  wait_sec: 1
                        """, 9, 18, "workflow_definition.blocks[0].loop_blocks[0].label",
                        "label 'loop' is already used by the block at line 5; labels must be unique, nested loop blocks included"),
                arguments("navigation without goal", """
                        title: T
                        workflow_definition:
                          blocks:
                            - block_type: navigation
                              label: nav
                              url: https://example.com
                        """, 4, 7, "workflow_definition.blocks[0].navigation_goal",
                        "required field 'navigation_goal' is missing; expected string"),
                arguments("extraction without goal", """
                        title: T
                        workflow_definition:
                          blocks:
                            - block_type: extraction
                              label: ex
                              data_schema: {a: {type: string}}
                        """, 4, 7, "workflow_definition.blocks[0].data_extraction_goal",
                        "required field 'data_extraction_goal' is missing"),
                arguments("goto_url without url", """
                        title: T
                        workflow_definition:
                          blocks:
                            - block_type: goto_url
                              label: go
                        """, 4, 7, "workflow_definition.blocks[0].url", "required field 'url' is missing"),
                arguments("wait without wait_sec", """
                        title: T
                        workflow_definition:
                          blocks:
                            - block_type: wait
                              label: w
                        """, 4, 7, "workflow_definition.blocks[0].wait_sec", "required field 'wait_sec' is missing; expected integer"),
                arguments("for_loop without loop_blocks", """
                        title: T
                        workflow_definition:
                          blocks:
                            - block_type: for_loop
                              label: loop
                              loop_variable_reference: "{{ items }}"
                        """, 4, 7, "workflow_definition.blocks[0].loop_blocks", "required field 'loop_blocks' is missing"),
                arguments("conditional without branches", """
                        title: T
                        workflow_definition:
                          blocks:
                            - block_type: conditional
                              label: choose
                        """, 4, 7, "workflow_definition.blocks[0].branch_conditions",
                        "required field 'branch_conditions' is missing"),
                arguments("text_prompt without prompt", """
                        title: T
                        workflow_definition:
                          blocks:
                            - block_type: text_prompt
                              label: ask
                              json_schema: {type: object}
                        """, 4, 7, "workflow_definition.blocks[0].prompt", "required field 'prompt' is missing"),
                arguments("wait_sec zero", WAIT_BLOCK.formatted("0"), 6, 17, "workflow_definition.blocks[0].wait_sec",
                        "wait_sec must be greater than 0 and at most 1800, found 0"),
                arguments("wait_sec too long", WAIT_BLOCK.formatted("1801"), 6, 17, "workflow_definition.blocks[0].wait_sec",
                        "wait_sec must be greater than 0 and at most 1800, found 1801"),
                arguments("wait_sec as words", WAIT_BLOCK.formatted("five"), 6, 17, "workflow_definition.blocks[0].wait_sec",
                        "expected integer, found string 'five'"),
                arguments("wait_sec as a fraction", WAIT_BLOCK.formatted("1.5"), 6, 17, "workflow_definition.blocks[0].wait_sec",
                        "expected integer, found number '1.5'"),
                arguments("continue_on_failure as text", WAIT_BLOCK.formatted("5") + "      continue_on_failure: sometimes\n",
                        7, 28, "workflow_definition.blocks[0].continue_on_failure", "expected boolean, found string 'sometimes'"),
                arguments("max_retries quoted", """
                        title: T
                        workflow_definition:
                          blocks:
                            - block_type: navigation
                              label: nav
                              navigation_goal: go
                              max_retries: "3"
                        """, 7, 20, "workflow_definition.blocks[0].max_retries", "expected integer, found string '3'"),
                arguments("data_schema as a number", """
                        title: T
                        workflow_definition:
                          blocks:
                            - block_type: extraction
                              label: ex
                              data_extraction_goal: get
                              data_schema: 12
                        """, 7, 20, "workflow_definition.blocks[0].data_schema",
                        "expected string, map or list, found integer '12'"),
                arguments("parameter_keys not a list", """
                        title: T
                        workflow_definition:
                          parameters:
                            - {key: a, parameter_type: workflow, workflow_parameter_type: string}
                          blocks:
                            - block_type: navigation
                              label: nav
                              navigation_goal: go
                              parameter_keys: a
                        """, 9, 23, "workflow_definition.blocks[0].parameter_keys", "expected list, found string 'a'"),
                arguments("parameter_keys names nothing", """
                        title: T
                        workflow_definition:
                          parameters:
                            - {key: a, parameter_type: workflow, workflow_parameter_type: string}
                          blocks:
                            - block_type: navigation
                              label: nav
                              navigation_goal: go
                              parameter_keys: [a, b]
                        """, 9, 27, "workflow_definition.blocks[0].parameter_keys[1]",
                        "parameter_keys names 'b', which is neither a declared parameter nor a block's <label>_output; known keys: a, nav_output"),
                arguments("parameter_keys item is a map", """
                        title: T
                        workflow_definition:
                          blocks:
                            - block_type: navigation
                              label: nav
                              navigation_goal: go
                              parameter_keys:
                                - {key: a}
                        """, 8, 11, "workflow_definition.blocks[0].parameter_keys[0]",
                        "expected a parameter key (string), found map"),
                arguments("parameter key with a space", """
                        title: T
                        workflow_definition:
                          parameters:
                            - key: start url
                              parameter_type: workflow
                              workflow_parameter_type: string
                          blocks: []
                        """, 4, 12, "workflow_definition.parameters[0].key", "parameter key 'start url' is not an identifier"),
                arguments("reserved parameter key", """
                        title: T
                        workflow_definition:
                          parameters:
                            - key: current_item
                              parameter_type: workflow
                              workflow_parameter_type: string
                          blocks: []
                        """, 4, 12, "workflow_definition.parameters[0].key",
                        "parameter key 'current_item' is reserved; reserved keys: current_item, current_value"),
                arguments("duplicate parameter key", """
                        title: T
                        workflow_definition:
                          parameters:
                            - {key: a, parameter_type: workflow, workflow_parameter_type: string}
                            - {key: a, parameter_type: workflow, workflow_parameter_type: integer}
                          blocks: []
                        """, 5, 13, "workflow_definition.parameters[1].key",
                        "parameter key 'a' is already declared at line 4"),
                arguments("missing parameter_type", """
                        title: T
                        workflow_definition:
                          parameters:
                            - key: a
                          blocks: []
                        """, 4, 7, "workflow_definition.parameters[0].parameter_type",
                        "required field 'parameter_type' is missing"),
                arguments("missing workflow_parameter_type", """
                        title: T
                        workflow_definition:
                          parameters:
                            - key: a
                              parameter_type: workflow
                          blocks: []
                        """, 4, 7, "workflow_definition.parameters[0].workflow_parameter_type",
                        "required field 'workflow_parameter_type' is missing"),
                arguments("unknown workflow_parameter_type", """
                        title: T
                        workflow_definition:
                          parameters:
                            - key: a
                              parameter_type: workflow
                              workflow_parameter_type: str
                          blocks: []
                        """, 6, 32, "workflow_definition.parameters[0].workflow_parameter_type",
                        "unknown workflow_parameter_type 'str'; allowed: string, integer, float, boolean, json, file_url, credential_id"),
                arguments("integer default that is not a number", """
                        title: T
                        workflow_definition:
                          parameters:
                            - key: retries
                              parameter_type: workflow
                              workflow_parameter_type: integer
                              default_value: three
                          blocks: []
                        """, 7, 22, "workflow_definition.parameters[0].default_value",
                        "default_value does not match workflow_parameter_type 'integer': expected integer, found string 'three'"),
                arguments("boolean default that is a list", """
                        title: T
                        workflow_definition:
                          parameters:
                            - key: flag
                              parameter_type: workflow
                              workflow_parameter_type: boolean
                              default_value: [true]
                          blocks: []
                        """, 7, 22, "workflow_definition.parameters[0].default_value",
                        "expected boolean, found list"),
                arguments("context without source", """
                        title: T
                        workflow_definition:
                          parameters:
                            - key: c
                              parameter_type: context
                          blocks: []
                        """, 4, 7, "workflow_definition.parameters[0].source_parameter_key",
                        "required field 'source_parameter_key' is missing"),
                arguments("context with unknown source", """
                        title: T
                        workflow_definition:
                          parameters:
                            - key: c
                              parameter_type: context
                              source_parameter_key: nowhere_output
                          blocks: []
                        """, 6, 29, "workflow_definition.parameters[0].source_parameter_key",
                        "source_parameter_key names 'nowhere_output', which is neither a declared parameter nor a block's <label>_output"),
                arguments("credential without id", """
                        title: T
                        workflow_definition:
                          parameters:
                            - key: login
                              parameter_type: credential
                          blocks: []
                        """, 4, 7, "workflow_definition.parameters[0].credential_id",
                        "required field 'credential_id' is missing"),
                arguments("parameter shadows a block output", """
                        title: T
                        workflow_definition:
                          parameters:
                            - {key: w_output, parameter_type: workflow, workflow_parameter_type: string}
                          blocks:
                            - {block_type: wait, label: w, wait_sec: 1}
                        """, 4, 7, "workflow_definition.parameters",
                        "parameter key 'w_output' is the output of block 'w'"),
                arguments("unknown version", "title: T\nworkflow_definition:\n  version: 3\n  blocks: []\n", 3, 12,
                        "workflow_definition.version", "version must be 1 (blocks run in order) or 2 (next_block_label graph), found 3"),
                arguments("version as text", "title: T\nworkflow_definition:\n  version: two\n  blocks: []\n", 3, 12,
                        "workflow_definition.version", "expected integer, found string 'two'"),
                arguments("version 1 with a conditional", """
                        title: T
                        workflow_definition:
                          version: 1
                          blocks:
                            - block_type: conditional
                              label: choose
                              branch_conditions:
                                - is_default: true
                        """, 5, 19, "workflow_definition.blocks[0].block_type",
                        "block 'choose' is a conditional, which needs version 2"),
                arguments("version 1 with next_block_label", """
                        title: T
                        workflow_definition:
                          version: 1
                          blocks:
                            - {block_type: wait, label: a, wait_sec: 1, next_block_label: b}
                            - {block_type: wait, label: b, wait_sec: 1}
                        """, 5, 67, "workflow_definition.blocks[0].next_block_label",
                        "block 'a' sets next_block_label, which needs version 2"),
                arguments("next_block_label to nowhere", """
                        title: T
                        workflow_definition:
                          blocks:
                            - block_type: wait
                              label: a
                              wait_sec: 1
                              next_block_label: c
                            - {block_type: wait, label: b, wait_sec: 1}
                        """, 7, 25, "workflow_definition.blocks[0].next_block_label",
                        "next_block_label 'c' does not name a block at this level; blocks here: a, b"),
                arguments("branch to nowhere", """
                        title: T
                        workflow_definition:
                          blocks:
                            - block_type: conditional
                              label: choose
                              branch_conditions:
                                - criteria: {criteria_type: prompt, expression: the report is ready}
                                  next_block_label: missing
                                - is_default: true
                        """, 8, 29, "workflow_definition.blocks[0].branch_conditions[0].next_block_label",
                        "next_block_label 'missing' does not name a block at this level; blocks here: choose"),
                arguments("unknown criteria_type", """
                        title: T
                        workflow_definition:
                          blocks:
                            - block_type: conditional
                              label: choose
                              branch_conditions:
                                - criteria:
                                    criteria_type: python
                                    expression: x > 1
                        """, 8, 28, "workflow_definition.blocks[0].branch_conditions[0].criteria.criteria_type",
                        "unknown criteria_type 'python'; allowed: jinja2_template, prompt"),
                arguments("branch without criteria", """
                        title: T
                        workflow_definition:
                          blocks:
                            - block_type: conditional
                              label: choose
                              branch_conditions:
                                - next_block_label: choose
                        """, 7, 11, "workflow_definition.blocks[0].branch_conditions[0].criteria",
                        "a branch needs criteria (criteria_type and expression) unless it sets is_default: true"),
                arguments("criteria without expression", """
                        title: T
                        workflow_definition:
                          blocks:
                            - block_type: conditional
                              label: choose
                              branch_conditions:
                                - criteria: {criteria_type: prompt}
                        """, 7, 21, "workflow_definition.blocks[0].branch_conditions[0].criteria.expression",
                        "required field 'expression' is missing"),
                arguments("two default branches", """
                        title: T
                        workflow_definition:
                          blocks:
                            - block_type: conditional
                              label: choose
                              branch_conditions:
                                - is_default: true
                                - is_default: true
                        """, 8, 23, "workflow_definition.blocks[0].branch_conditions[1].is_default",
                        "only one branch may be the default; branch_conditions[0] already is"),
                arguments("finally_block_label to nowhere", """
                        title: T
                        workflow_definition:
                          finally_block_label: cleanup
                          blocks:
                            - {block_type: wait, label: w, wait_sec: 1}
                        """, 3, 24, "workflow_definition.finally_block_label",
                        "finally_block_label 'cleanup' does not name a top-level block"),
                arguments("loop without a source", """
                        title: T
                        workflow_definition:
                          blocks:
                            - block_type: for_loop
                              label: loop
                              loop_blocks:
                                - {block_type: wait, label: w, wait_sec: 1}
                        """, 4, 7, "workflow_definition.blocks[0].loop_variable_reference",
                        "a for_loop needs loop_variable_reference"),
                arguments("loop over an undeclared key", """
                        title: T
                        workflow_definition:
                          blocks:
                            - block_type: for_loop
                              label: loop
                              loop_over_parameter_key: orders
                              loop_blocks:
                                - {block_type: wait, label: w, wait_sec: 1}
                        """, 6, 32, "workflow_definition.blocks[0].loop_over_parameter_key",
                        "loop_over_parameter_key names 'orders', which is neither a declared parameter"),
                arguments("empty loop", """
                        title: T
                        workflow_definition:
                          blocks:
                            - block_type: for_loop
                              label: loop
                              loop_variable_reference: "{{ items }}"
                              loop_blocks: []
                        """, 7, 20, "workflow_definition.blocks[0].loop_blocks", "loop_blocks must list at least one block"),
                arguments("nested block without label", """
                        title: T
                        workflow_definition:
                          blocks:
                            - block_type: for_loop
                              label: loop
                              loop_variable_reference: "{{ items }}"
                              loop_blocks:
                                - block_type: wait
                                  wait_sec: 3
                        """, 8, 11, "workflow_definition.blocks[0].loop_blocks[0].label", "required field 'label' is missing"),
                arguments("nested wait out of range", """
                        title: T
                        workflow_definition:
                          blocks:
                            - block_type: for_loop
                              label: loop
                              loop_variable_reference: "{{ items }}"
                              loop_blocks:
                                - {block_type: wait, label: w, wait_sec: -4}
                        """, 8, 50, "workflow_definition.blocks[0].loop_blocks[0].wait_sec",
                        "wait_sec must be greater than 0 and at most 1800, found -4"),
                arguments("max_elapsed_time_minutes zero", "title: T\nmax_elapsed_time_minutes: 0\nworkflow_definition: {blocks: []}\n",
                        2, 27, "max_elapsed_time_minutes", "max_elapsed_time_minutes must be between 1 and 480, found 0"),
                arguments("max_elapsed_time_minutes too long", "title: T\nmax_elapsed_time_minutes: 481\nworkflow_definition: {blocks: []}\n",
                        2, 27, "max_elapsed_time_minutes", "must be between 1 and 480, found 481"),
                arguments("unknown run_with", "title: T\nrun_with: fast\nworkflow_definition: {blocks: []}\n",
                        2, 11, "run_with", "unknown run_with 'fast'; allowed: agent, code (legacy spellings: ai, code_v2)"),
                arguments("persist_browser_session as text", "title: T\npersist_browser_session: always\nworkflow_definition: {blocks: []}\n",
                        2, 26, "persist_browser_session", "expected boolean, found string 'always'"),
                arguments("error_code_mapping value is a list", """
                        title: T
                        workflow_definition:
                          error_code_mapping:
                            LOCKED: [a, b]
                          blocks: []
                        """, 4, 13, "workflow_definition.error_code_mapping.LOCKED", "expected string, found list"),
                arguments("extra_http_headers is a list", "title: T\nextra_http_headers: [a]\nworkflow_definition: {blocks: []}\n",
                        2, 21, "extra_http_headers", "expected map, found list"),
                arguments("model map without model_name", WAIT_BLOCK.formatted("5") + "      model: {name: gpt}\n", 7, 14,
                        "workflow_definition.blocks[0].model", "a model map needs a non-empty string 'model_name'"),
                arguments("model is a list", WAIT_BLOCK.formatted("5") + "      model: [gpt]\n", 7, 14,
                        "workflow_definition.blocks[0].model", "expected string or map, found list"),
                arguments("wait_sec zero json", """
                        {
                          "title": "T",
                          "workflow_definition": {
                            "blocks": [
                              {"block_type": "wait", "label": "w", "wait_sec": 0}
                            ]
                          }
                        }
                        """, 5, 56, "workflow_definition.blocks[0].wait_sec", "wait_sec must be greater than 0"),
                arguments("missing title json", "{\n  \"workflow_definition\": {\"blocks\": []}\n}\n", 1, 1, "title",
                        "required field 'title' is missing"),
                arguments("blocks as text json", "{\"title\": \"T\",\n\t\"workflow_definition\": {\"blocks\": \"none\"}}\n",
                        2, 36, "workflow_definition.blocks", "expected list, found string 'none'"),
                arguments("python object tag", "title: !!python/object:os.system x\nworkflow_definition: {blocks: []}\n",
                        1, 8, "(document)", "syntax error: Global tag is not allowed"),
                arguments("self-referencing alias", """
                        title: T
                        workflow_definition:
                          blocks:
                            - block_type: extraction
                              label: e
                              data_extraction_goal: g
                              data_schema: &s {inner: *s}
                        """, 7, 20, "workflow_definition.blocks[0].data_schema.inner",
                        "an alias refers to a map or list that contains it"));
    }
}
