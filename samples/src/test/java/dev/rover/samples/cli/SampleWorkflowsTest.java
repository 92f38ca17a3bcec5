package dev.rover.samples.cli;

import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo reads samples/workflows from the class path; the copy must be complete and the demo's values must fit. */
class SampleWorkflowsTest {

    @Test
    void everyFileInSamplesWorkflowsIsOnTheClassPathUnchanged() throws IOException {
        Path source = Path.of("workflows");
        assertThat(source).as("run from the samples module directory").isDirectory();
        Map<String, String> expected;
        try (Stream<Path> files = Files.list(source)) {
            expected = files.filter(f -> f.toString().endsWith(".yaml")).collect(java.util.stream.Collectors.toMap(
                    f -> f.getFileName().toString(), f -> {
                        try {
                            return Files.readString(f);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }));
        }

        assertThat(expected).isNotEmpty();
        assertThat(SampleWorkflows.load()).allSatisfy(s -> assertThat(s.content()).isEqualTo(expected.get(s.fileName())))
                .extracting(SampleWorkflows.Sample::fileName).containsExactlyInAnyOrderElementsOf(expected.keySet())
                .startsWith(SampleWorkflows.STORY.toArray(String[]::new));
    }

    @Test
    void theDemoGivesEachWorkflowOnlyTheParametersItDeclares() {
        Map<String, Object> values = Map.of("portal_url", "http://127.0.0.1:1", "credentials", "demo-portal",
                "attachment", "/tmp/a.txt");
        for (SampleWorkflows.Sample sample : SampleWorkflows.load()) {
            Workflow workflow = new WorkflowLoader().load(sample.content(), sample.fileName());

            Map<String, Object> chosen = DemoCommand.parametersFor(workflow, values);

            assertThat(chosen).as(sample.fileName()).containsEntry("portal_url", "http://127.0.0.1:1")
                    .containsEntry("credentials", "demo-portal");
            assertThat(chosen.containsKey("attachment")).as(sample.fileName())
                    .isEqualTo(workflow.parameters().stream().anyMatch(p -> p.key().equals("attachment")));
        }
    }
}
