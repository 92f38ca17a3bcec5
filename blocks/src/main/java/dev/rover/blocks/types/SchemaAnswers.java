package dev.rover.blocks.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.rover.blocks.agent.DataSchemas;
import dev.rover.core.engine.ExtractRequest;
import dev.rover.core.engine.Engine;
import dev.rover.core.engine.Extraction;
import dev.rover.core.page.PageContent;
import dev.rover.core.page.PageSnapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Holds an engine's answer to a JSON schema (networknt, draft 2020-12): an answer that does not validate
 * is asked for once more with the problems named, a second invalid one fails. Shared by the blocks that
 * ask without a page ({@code text_prompt}) and those that extract from a document ({@code pdf_parser},
 * {@code file_url_parser} with a {@code json_schema}).
 */
final class SchemaAnswers {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Pattern LABELLED_LINE = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9 #/&().'-]{0,48}?)\\s*[:\\t]\\s*(\\S.*)$");
    private static final int MAX_PROMPT_TEXT = 60_000;

    private SchemaAnswers() {
    }

    /** A validated answer: its data, or why there is none. */
    record Answer(JsonNode data, String failure) {
        boolean ok() {
            return failure == null;
        }
    }

    /**
     * Asks up to twice, the second time with the first answer's problems.
     *
     * @param ask the question, given the previous answer's problems (null the first time)
     */
    static Answer ask(JsonNode schemaNode, Function<String, Extraction> ask) {
        JsonSchema schema = schemaNode == null ? null : FACTORY.getSchema(schemaNode);
        String previousError = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            Extraction answer = ask.apply(previousError);
            String problem = DataSchemas.problems(schema, answer.data());
            if (problem == null) {
                return new Answer(answer.data(), null);
            }
            previousError = problem;
        }
        return new Answer(null, "the answer does not match json_schema: " + previousError);
    }

    /**
     * Extracts schema-shaped data from a document's text with the engine: the text becomes a page whose
     * content holds its lines and its {@code Label: value} lines as labelled values, which is what both the
     * offline engine's extractor and a model read.
     */
    static Answer fromText(Engine engine, String source, String text, String goal, JsonNode schema, Map<String, Object> details) {
        return fromPage(engine, documentPage(source, text, List.of()), goal, schema, details);
    }

    /** Extracts schema-shaped data from a document page with the engine. */
    static Answer fromPage(Engine engine, PageSnapshot page, String goal, JsonNode schema, Map<String, Object> details) {
        return ask(schema, previousError -> engine.extract(
                new ExtractRequest(goal, schema, page, details, List.of(), previousError)));
    }

    /** A synthetic page for a document's text. */
    static PageSnapshot documentPage(String source, String text, List<PageContent.Table> tables) {
        List<PageContent.LabeledValue> labelled = new ArrayList<>();
        for (String line : text.split("\\R")) {
            Matcher m = LABELLED_LINE.matcher(line);
            if (m.matches()) {
                labelled.add(new PageContent.LabeledValue(m.group(1).trim(), m.group(2).trim()));
            }
        }
        String shown = text.length() > MAX_PROMPT_TEXT ? text.substring(0, MAX_PROMPT_TEXT) : text;
        PageContent content = new PageContent(text, List.of(), tables, labelled);
        return new PageSnapshot(source, source, List.of(), content, "<document source=\"" + source + "\">\n" + shown
                + "\n</document>", List.of(), Instant.now());
    }
}
