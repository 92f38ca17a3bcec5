package dev.rover.samples.e2e;

import dev.rover.TaskRequest;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunType;
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

/** A task through {@code Rover.runTask}: an extraction prompt with a schema, on the portal's public status page. */
class StatusTaskOfflineE2ETest {

    @TempDir
    static Path data;

    private static OfflinePortal portal;

    @BeforeAll
    static void start() throws IOException {
        portal = OfflinePortal.start(data);
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void extractionPromptCompletesWithTheSchemasOutput() {
        Map<String, Object> schema = Map.of("type", "object",
                "properties", Map.of(
                        "portal_status", Map.of("type", "string"),
                        "orders_on_file", Map.of("type", "integer"),
                        "support_email", Map.of("type", "string")),
                "required", List.of("portal_status", "orders_on_file", "support_email"));

        Run run = portal.rover().runTask(TaskRequest.builder("Extract the portal status, the number of orders on file and the support email")
                .url(portal.site().url() + "/status").dataExtractionSchema(schema)
                .waitForCompletion(true).timeout(Duration.ofMinutes(2)).build());

        assertCompleted(run);
        assertThat(run.runType()).isEqualTo(RunType.TASK);
        assertThat(run.output()).isEqualTo(Map.of("portal_status", "Operational",
                "orders_on_file", (long) portal.site().orders().all().size(), "support_email", "support@acme.test"));
        assertThat(portal.rover().getRunArtifacts(run.runId().value(), ArtifactType.SCREENSHOT_FINAL)).hasSize(1);
        assertThat(portal.rover().reportPath(run.runId().value())).isPresent();
    }
}
