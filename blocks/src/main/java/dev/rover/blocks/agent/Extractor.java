package dev.rover.blocks.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.TimelineEntry;
import dev.rover.core.engine.ExtractRequest;
import dev.rover.core.engine.Extraction;
import dev.rover.core.engine.Usage;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Asks the engine for data and holds it to the block's schema: an answer that does not validate
 * gets one re-ask naming what was wrong; a second invalid answer fails the extraction.
 */
public final class Extractor {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private final AgentServices services;

    public Extractor(AgentServices services) {
        this.services = services;
    }

    /** What an extraction produced: valid data, or the reason there is none. */
    public record Result(JsonNode data, String failure, Usage usage, String reasoning) {
        public boolean ok() {
            return failure == null;
        }
    }

    /** Extracts from the current page. */
    public Result extract(String blockLabel, String goal, Object dataSchema, Map<String, Object> userDetails, int step) {
        JsonNode schemaNode;
        try {
            schemaNode = DataSchemas.normalize(dataSchema);
        } catch (IllegalArgumentException e) {
            return new Result(null, e.getMessage(), Usage.ZERO, null);
        }
        JsonSchema schema = schemaNode == null ? null : FACTORY.getSchema(schemaNode);
        java.time.Instant started = services.clock().instant();
        PageSnapshot page = PageRedaction.redact(services.browser().observe(services.engine().readsEveryElement()), services.secrets());
        String pageArtifact = services.artifacts().record(ArtifactType.PAGE_PROMPT, blockLabel, step, "extract-page.txt", "text/plain",
                services.secrets().redact(page.promptText()).getBytes(StandardCharsets.UTF_8));
        Result result = ask(goal, schemaNode, schema, page, userDetails);
        services.steps().accept(new TimelineEntry(TimelineEntry.Type.STEP, "extraction", result.ok() ? "completed" : "failed",
                null, result.failure(), result.reasoning(), started, services.clock().instant(), List.of(pageArtifact),
                result.reasoning() == null || result.reasoning().isBlank() ? List.of()
                        : List.of(new TimelineEntry(TimelineEntry.Type.THOUGHT, "thought", null, null, null, result.reasoning(),
                        started, started, List.of(), List.of()))));
        return result;
    }

    /** The masked screenshot an engine that works from screenshots (computer use) extracts from too; none for the others. */
    private List<byte[]> screenshotFor() {
        if (!services.engine().wantsScreenshots()) {
            return List.of();
        }
        try {
            return List.of(services.browser().screenshot(false, 0));
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private Result ask(String goal, JsonNode schemaNode, JsonSchema schema, PageSnapshot page, Map<String, Object> userDetails) {
        Usage usage = Usage.ZERO;
        String previousError = null;
        List<byte[]> screenshots = screenshotFor();
        for (int attempt = 1; attempt <= 2; attempt++) {
            Extraction answer;
            try {
                answer = services.engine().extract(new ExtractRequest(goal, schemaNode, page, userDetails, screenshots, previousError));
            } catch (RuntimeException e) {
                return new Result(null, "the engine could not extract: " + services.secrets().redact(String.valueOf(e.getMessage())), usage, null);
            }
            usage = usage.plus(answer.usage());
            String problem = DataSchemas.problems(schema, answer.data());
            if (problem == null) {
                return new Result(answer.data(), null, usage, services.secrets().redact(answer.reasoning()));
            }
            previousError = problem;
        }
        return new Result(null, "the extracted data does not match data_schema: " + previousError, usage, null);
    }
}
