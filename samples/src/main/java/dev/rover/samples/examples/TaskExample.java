package dev.rover.samples.examples;

import dev.rover.Rover;
import dev.rover.TaskRequest;
import dev.rover.core.error.RunTimeoutException;
import dev.rover.core.exec.RunHandle;
import dev.rover.core.run.Run;

import java.time.Duration;
import java.util.Map;

/**
 * A single task through {@link Rover#startTask}: a goal in plain language, a start URL and a schema
 * for the output, awaited through its handle. Usage: {@code TaskExample URL}.
 */
public final class TaskExample {

    private TaskExample() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (Rover rover = Rover.builder().build()) {
            RunHandle handle = rover.startTask(TaskRequest.builder("Extract the page heading")
                    .url(args[0])
                    .dataExtractionSchema(Map.of("type", "object",
                            "properties", Map.of("heading", Map.of("type", "string"))))
                    .build());
            try {
                Run run = handle.await(Duration.ofMinutes(2));
                System.out.println(run.runId() + " " + run.status() + " " + run.output());
            } catch (RunTimeoutException e) {
                System.out.println(e.getMessage());
                handle.cancel();
            }
        }
    }
}
