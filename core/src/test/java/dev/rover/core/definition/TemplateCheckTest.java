package dev.rover.core.definition;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The loader checks templates and step limits before anything runs, and neutralises what it quotes. */
class TemplateCheckTest {

    private final WorkflowLoader loader = new WorkflowLoader();

    private DefinitionException problems(String yaml) {
        return catchThrowableOfType(DefinitionException.class, () -> loader.load(yaml, "wf.yaml"));
    }

    @Test
    void templateSyntaxErrorsAreDefinitionProblemsAtTheField() {
        DefinitionException e = problems("""
                title: T
                workflow_definition:
                  blocks:
                    - block_type: navigation
                      label: open
                      url: "https://example.com/{{ unclosed"
                      navigation_goal: "{% if ready %}go"
                """);

        assertThat(e.problems()).extracting(DefinitionProblem::toString).containsExactly(
                "wf.yaml:6:12: workflow_definition.blocks[0].url: template syntax error: '{{' or '{%' is not closed"
                        + " in 'https://example.com/{{ unclosed'",
                "wf.yaml:7:24: workflow_definition.blocks[0].navigation_goal: template syntax error: Missing end tag: "
                        + "endif for tag defined as: {% if ready %} in '{% if ready %}go'");
    }

    @Test
    void includeIsRefusedWhenTheFileLoads() {
        DefinitionException e = problems("""
                title: T
                workflow_definition:
                  blocks:
                    - block_type: for_loop
                      label: each
                      loop_variable_reference: "{{ [1] }}"
                      loop_blocks:
                        - {block_type: text_prompt, label: leak, prompt: "{% include 'META-INF/MANIFEST.MF' %}"}
                """);

        assertThat(e.problems()).extracting(DefinitionProblem::toString).containsExactly(
                "wf.yaml:8:58: workflow_definition.blocks[0].loop_blocks[0].prompt: '{% include %}' is not allowed: "
                        + "templates cannot include, import or extend other templates (include, import, from and extends "
                        + "are disabled) in '{% include 'META-INF/MANIFEST.MF' %}'");
    }

    @Test
    void maxStepsPerRunBelowOneIsAnError() {
        for (String steps : new String[]{"0", "-3"}) {
            DefinitionException e = problems("""
                    title: T
                    workflow_definition:
                      blocks:
                        - {block_type: navigation, label: go, navigation_goal: g, max_steps_per_run: %s}
                    """.formatted(steps));

            assertThat(e.problems()).extracting(DefinitionProblem::toString).containsExactly(
                    "wf.yaml:4:82: workflow_definition.blocks[0].max_steps_per_run: max_steps_per_run must be at least 1, found "
                            + steps);
        }
    }

    @Test
    void javascriptAndMalformedUrlsAreDefinitionErrorsWhileFileUrlsAreTheRunnersDecision() {
        DefinitionException e = problems("""
                title: T
                workflow_definition:
                  parameters:
                    - {key: website_url, parameter_type: workflow, workflow_parameter_type: string}
                  blocks:
                    - {block_type: goto_url, label: a, url: "javascript:alert(document.cookie)"}
                    - {block_type: navigation, label: b, url: "shop.example/orders", navigation_goal: g}
                    - {block_type: navigation, label: c, url: website_url, navigation_goal: g}
                    - {block_type: navigation, label: d, url: "{{ website_url }}/x", navigation_goal: g}
                    - {block_type: goto_url, label: f, url: "file:///etc/passwd"}
                """);

        assertThat(e.problems()).extracting(DefinitionProblem::toString).containsExactly(
                "wf.yaml:6:45: workflow_definition.blocks[0].url: 'javascript:alert(document.cookie)' uses scheme "
                        + "'javascript'; only http and https URLs are opened",
                "wf.yaml:7:47: workflow_definition.blocks[1].url: 'shop.example/orders' is not an absolute URL; "
                        + "write it with http:// or https://");
        Workflow fileOnly = loader.load("""
                title: T
                workflow_definition:
                  blocks:
                    - {block_type: goto_url, label: f, url: "file:///etc/passwd"}
                """, "wf.yaml");
        assertThat(UrlCheck.refusedFileUrls(fileOnly, false)).extracting(DefinitionProblem::toString).containsExactly(
                "wf.yaml:4:45: f.url: 'file:///etc/passwd' is a file: URL; only http and https URLs are opened unless "
                        + "file URLs are allowed (RoverBuilder.allowFileUrls(true) or --allow-file-urls)");
        assertThat(UrlCheck.refusedFileUrls(fileOnly, true)).isEmpty();
    }

    @Test
    void unknownNamesAreWarningsNotErrors() {
        Workflow workflow = loader.load("""
                title: T
                workflow_definition:
                  parameters:
                    - {key: shop, parameter_type: workflow, workflow_parameter_type: string}
                  blocks:
                    - {block_type: goto_url, label: open, url: "{{ shop }}/{{ shpo }}"}
                    - block_type: for_loop
                      label: each
                      loop_variable_reference: "{{ open_output }}"
                      loop_blocks:
                        - {block_type: text_prompt, label: say, prompt: "{{ current_value }} {{ open.output }} {{ workflow_run_id }} {{ missing }}"}
                """, "wf.yaml");

        assertThat(TemplateCheck.unknownNames(workflow)).extracting(u -> u.position() + ": " + u.reason()).containsExactly(
                "wf.yaml:6:48: block 'open', field 'url' uses 'shpo', which no parameter, block output or reserved key defines",
                "wf.yaml:11:57: block 'say', field 'prompt' uses 'missing', which no parameter, block output or reserved key defines");
    }

    @Test
    void controlCharactersInQuotedLabelsAreEscaped() {
        DefinitionException e = problems("""
                title: T
                workflow_definition:
                  blocks:
                    - {block_type: wait, label: "evil\\e[31mred\\u202Etxt", wait_sec: 1}
                """);

        assertThat(e.problems()).singleElement().hasToString("wf.yaml:4:33: workflow_definition.blocks[0].label: label "
                + "'evil\\u001b[31mred\\u202etxt' is not an identifier; use letters, digits and underscores, not starting with a digit");
        assertThat(e.getMessage()).doesNotContain("\u001b").doesNotContain("\u202e");
    }
}
