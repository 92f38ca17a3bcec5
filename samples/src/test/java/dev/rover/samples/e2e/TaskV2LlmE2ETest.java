package dev.rover.samples.e2e;

import dev.rover.WorkflowRunOptions;
import dev.rover.core.definition.WorkflowLoader;
import dev.rover.core.run.Run;
import dev.rover.samples.e2e.fakellm.Intent;
import dev.rover.samples.e2e.fakellm.ScriptedLlmProvider;
import dev.rover.samples.e2e.fakellm.ScriptedLlmProvider.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.rover.samples.e2e.RunChecks.assertCompleted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * task_v2 against the scripted OpenAI-compatible provider and the demo portal in Chromium: the model
 * plans the prompt into a navigation and an extraction step, and the block runs them in order.
 */
class TaskV2LlmE2ETest {

    @TempDir
    static Path data;

    private static LlmPortal portal;
    private static ScriptedLlmProvider llm;

    @BeforeAll
    static void start() throws IOException {
        portal = LlmPortal.start(data, builder -> builder);
        llm = portal.llm();
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void thePromptIsPlannedIntoStepsThatRunInOrderAndTheExtractionIsTheOutput() {
        llm.extracts("""
                {"steps": [{"type": "navigation", "goal": "Stay on the portal status page"},
                           {"type": "extraction", "goal": "Read the portal status"}]}""")
                .then(Intent.complete())
                .extracts("{\"portal_status\": \"Operational\"}");

        Run run = portal.rover().runWorkflow(new WorkflowLoader().load("""
                title: Status by prompt
                workflow_definition:
                  blocks:
                    - block_type: task_v2
                      label: status
                      url: "%s/status"
                      prompt: Find out whether the portal is operational
                      max_iterations: 3
                """.formatted(portal.site().url()), "v2.yaml"), Map.of(),
                WorkflowRunOptions.builder().waitForCompletion(true).timeout(Duration.ofMinutes(2)).build());

        assertCompleted(run);
        Map<?, ?> out = (Map<?, ?>) ((Map<?, ?>) run.output()).get("status_output");
        assertThat(out.get("plan")).isEqualTo(List.of(
                Map.of("type", "navigation", "goal", "Stay on the portal status page"),
                Map.of("type", "extraction", "goal", "Read the portal status")));
        assertThat(out.get("extracted_information")).isEqualTo(Map.of("portal_status", "Operational"));
        assertThat(llm.calls(Kind.EXTRACT)).hasSize(2);
        assertThat(llm.calls(Kind.EXTRACT).get(0).prompt()).contains("Find out whether the portal is operational")
                .contains("at most 3 ordered steps");
        assertThat(llm.calls(Kind.DECIDE)).singleElement().satisfies(c -> assertThat(c.prompt()).contains("Stay on the portal status page"));
        assertThat(llm.scriptFailures()).isZero();
    }
}
