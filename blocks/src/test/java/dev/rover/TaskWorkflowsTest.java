package dev.rover;

import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.exec.BlockRenderer;
import dev.rover.core.template.TemplateMode;
import dev.rover.core.template.TemplateRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A task is one {@code task} block whose text is what the caller wrote, never a template. */
class TaskWorkflowsTest {

    @ParameterizedTest
    @ValueSource(strings = {"Type {{ query }} into the search box", "Keep {% if x %} as is", "A {# comment #} stays",
            "Even {% endraw %} and {{ '{% raw %}' }} survive", "Plain text needs no wrapping"})
    void promptTextRendersAsItself(String prompt) {
        BlockDefinition block = TaskWorkflows.of(TaskRequest.builder(prompt).url("http://127.0.0.1/{{x}}").build()).blocks().get(0);

        BlockDefinition rendered = new BlockRenderer(TemplateRenderer.of(TemplateMode.STRICT)).render(block, Map.of());

        assertThat(rendered.string("navigation_goal")).contains(prompt);
        assertThat(rendered.string("url")).contains("http://127.0.0.1/{{x}}");
    }

    @Test
    void aSchemaMakesThePromptTheExtractionGoalToo() {
        BlockDefinition block = TaskWorkflows.of(TaskRequest.builder("Get the total")
                .dataExtractionSchema(Map.of("type", "object")).build()).blocks().get(0);

        assertThat(block.blockType()).isEqualTo("task");
        assertThat(block.string("data_extraction_goal")).contains("Get the total");
        assertThat(block.field("data_schema")).contains(Map.of("type", "object"));
    }
}
