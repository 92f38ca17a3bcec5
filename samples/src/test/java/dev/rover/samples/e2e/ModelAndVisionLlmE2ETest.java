package dev.rover.samples.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.TaskRequest;
import dev.rover.WorkflowRunOptions;
import dev.rover.core.definition.WorkflowLoader;
import dev.rover.core.json.Json;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.Run;
import dev.rover.samples.e2e.fakellm.ScriptedLlmProvider;
import dev.rover.samples.e2e.fakellm.ScriptedLlmProvider.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.rover.samples.e2e.RunChecks.assertCompleted;
import static dev.rover.samples.e2e.fakellm.Intent.complete;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Run settings honoured through a whole run against a scripted OpenAI-compatible provider: the
 * {@code model} of a block, a workflow and a task is the model the provider is asked for, and with
 * {@code ROVER_LLM_VISION} on the provider receives a screenshot of the page with each decision.
 */
class ModelAndVisionLlmE2ETest {

    @TempDir
    static Path data;

    private static LlmPortal portal;
    private static ScriptedLlmProvider llm;

    @BeforeAll
    static void start() throws IOException {
        portal = LlmPortal.start(data, config -> config.vision(true), builder -> builder);
        llm = portal.llm();
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    @BeforeEach
    void clearCalls() {
        llm.reset();
    }

    @Test
    void eachBlockCallsTheModelItNamesAndTheOthersTheWorkflowsModel() throws IOException {
        Path file = data.resolve("models.yaml");
        Files.writeString(file, """
                title: models
                model: {model_name: gpt-4.1}
                workflow_definition:
                  parameters: []
                  blocks:
                    - block_type: navigation
                      label: own_model
                      url: "%s/status"
                      navigation_goal: Look at the status page
                      model: {model_name: gpt-4.1-nano}
                    - block_type: navigation
                      label: plain_string_model
                      navigation_goal: Look at the status page again
                      model: o4-mini
                    - block_type: navigation
                      label: workflow_model
                      navigation_goal: Look at the status page once more
                """.formatted(portal.site().url()));
        llm.then(complete()).then(complete()).then(complete());

        Run run = portal.rover().runWorkflow(new WorkflowLoader().load(file), Map.of(),
                WorkflowRunOptions.builder().waitForCompletion(true).timeout(Duration.ofMinutes(2)).build());

        assertCompleted(run);
        assertThat(requestedModels(Kind.DECIDE)).containsExactly("gpt-4.1-nano", "o4-mini", "gpt-4.1");
    }

    @Test
    void aTaskCallsItsModel() {
        llm.then(complete());

        Run run = portal.rover().runTask(TaskRequest.builder("Look at the status page").url(portal.site().url() + "/status")
                .model("gpt-4.1-mini").waitForCompletion(true).timeout(Duration.ofMinutes(2)).build());

        assertCompleted(run);
        assertThat(requestedModels(Kind.DECIDE)).containsExactly("gpt-4.1-mini");
    }

    @Test
    void withVisionOnEachDecisionCarriesAScreenshotOfThePage() {
        llm.then(complete());

        Run run = portal.rover().runTask(TaskRequest.builder("Look at the status page").url(portal.site().url() + "/status")
                .waitForCompletion(true).timeout(Duration.ofMinutes(2)).build());

        assertCompleted(run);
        JsonNode request = json(llm.calls(Kind.DECIDE).get(0).requestBody());
        List<String> images = request.findValues("url").stream().map(JsonNode::asText)
                .filter(u -> u.startsWith("data:image/png;base64,")).toList();
        assertThat(images).hasSize(1);
        byte[] png = Base64.getDecoder().decode(images.get(0).substring("data:image/png;base64,".length()));
        assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        // the screenshot the model saw is kept with the run
        assertThat(portal.rover().getRunArtifacts(run.runId().value(), ArtifactType.SCREENSHOT_LLM)).hasSize(1);
    }

    private static JsonNode json(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> requestedModels(Kind kind) {
        return llm.calls(kind).stream().map(c -> json(c.requestBody()).path("model").asText()).toList();
    }
}
