package dev.rover.samples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.Rover;
import dev.rover.TaskRequest;
import dev.rover.core.definition.DefinitionFiles;
import dev.rover.core.json.Json;
import dev.rover.core.page.UrlPolicy;
import dev.rover.core.run.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rover task --prompt TEXT}: runs one goal in plain language (optionally extracting into a
 * JSON schema) and waits for it, with the same output and exit codes as {@code rover run}.
 */
@Command(name = "task",
        mixinStandardHelpOptions = true,
        description = {"Run a task: one goal in plain language, on a page or from a blank one.",
                "Exit status: 0 when the run completed, 1 when it ended otherwise, 2 for bad arguments."})
public final class TaskCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Option(names = "--prompt", required = true, paramLabel = "TEXT", description = "What the run should achieve.")
    String prompt;

    @Option(names = "--url", paramLabel = "URL", description = "The page to start on.")
    String url;

    @Option(names = "--schema", paramLabel = "FILE", description = "A JSON schema file the extracted output must match.")
    Path schema;

    @Option(names = "--max-steps", paramLabel = "N", description = "Cap on engine steps (default 10).")
    Integer maxSteps;

    @Option(names = "--engine", paramLabel = "NAME", description = "Engine: offline, llm, a Skyvern engine name, or a computer-use engine (anthropic_cua, openai_cua, ui_tars).")
    String engine;

    @Option(names = "--credential", paramLabel = "NAME",
            description = "A stored credential (vault id or name) the task may log in with (repeatable); it is typed only on its origins.")
    List<String> credentials = new ArrayList<>();
    @Option(names = "--allow-file-urls",
            description = "Let the run open file: URLs (only http and https are opened otherwise).")
    boolean allowFileUrls;

    @Option(names = "--json", description = "Print the final run response as JSON on stdout.")
    boolean json;

    @Mixin
    ReplayOption replay;

    @Option(names = "--publish-workflow",
            description = "When the task completes, save its recorded script as a workflow with run_with: code; the run says where.")
    boolean publishWorkflow;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (url != null && !url.isBlank()) {
            UrlPolicy.check(url, allowFileUrls).ifPresent(reason -> {
                throw new IllegalArgumentException("--url " + reason);
            });
        }
        TaskRequest.Builder request = TaskRequest.builder(prompt).url(url).engine(engine).waitForCompletion(true)
                .timeout(RunCommand.WAIT_LIMIT).credentials(credentials).runWith(replay.mode()).publishWorkflow(publishWorkflow);
        request.aiFallback(replay.aiFallback());
        if (maxSteps != null) {
            request.maxSteps(maxSteps);
        }
        if (schema != null) {
            request.dataExtractionSchema(readSchema(schema));
        }
        TaskRequest built = request.build();
        try (CancelOnSignal guarded = CancelOnSignal.guard(data.open(new ProgressPrinter(err), allowFileUrls), err)) {
            Rover rover = guarded.rover();
            Run run = rover.runTask(built);
            return RunSummary.print(rover, run, json, out);
        }
    }

    /**
     * The schema file as JSON; a missing, special (device, pipe), oversized or malformed file is a usage
     * error naming the file.
     */
    static JsonNode readSchema(Path file) {
        String text = DefinitionFiles.readText(file, "schema", DefinitionFiles.DEFAULT_MAX_BYTES);
        try {
            JsonNode node = Json.mapper().readTree(text);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("schema " + file + " must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("schema " + file + " is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()));
        }
    }
}
