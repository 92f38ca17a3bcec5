package dev.rover.samples.examples;

import dev.rover.blocks.Rover;
import dev.rover.blocks.TaskRequest;
import dev.rover.core.run.Run;

import java.util.Map;

/**
 * A single task through {@link Rover#runTask}: a goal in plain language, a start URL and a schema
 * for the output. Usage: {@code TaskExample URL}.
 */
public final class TaskExample {

    private TaskExample() {
    }

    public static void main(String[] args) {
        Map<String, Object> schema = Map.of("type", "object", "properties", Map.of(
                "heading", Map.of("type", "string")));
        try (Rover rover = Rover.builder().build()) {
            Run run = rover.runTask(TaskRequest.builder("Extract the page heading")
                    .url(args[0]).dataExtractionSchema(schema).waitForCompletion(true).build());
            System.out.println(run.runId() + " " + run.status() + " " + run.output());
        }
    }
}
