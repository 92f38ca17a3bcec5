package dev.rover.samples.examples;

import dev.rover.Rover;
import dev.rover.WorkflowRunOptions;
import dev.rover.core.json.Json;
import dev.rover.core.run.Run;

import java.nio.file.Path;
import java.util.Map;

/**
 * Embedding Rover in ten lines: build a {@link Rover}, run a workflow file, read the output.
 * Usage: {@code EmbeddingExample WORKFLOW.yaml PORTAL_URL CREDENTIAL_NAME}.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    public static void main(String[] args) {
        try (Rover rover = Rover.builder().build()) {
            Run run = rover.runWorkflow(Path.of(args[0]),
                    Map.of("portal_url", args[1], "credentials", args[2]),
                    WorkflowRunOptions.waiting());
            System.out.println(run.status() + " " + Json.pretty(run.output()));
            System.out.println("report: " + rover.reportPath(run.runId()).orElseThrow());
        }
    }
}
