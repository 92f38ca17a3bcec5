package dev.rover.blocks.types;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.blocks.agent.DataSchemas;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.engine.EngineException;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockType;
import dev.rover.core.json.Json;
import dev.rover.core.page.PageContent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code file_url_parser}: reads {@code file_url} (a URL, a local path, {@code s3://...} or a file this
 * run downloaded under {@code SKYVERN_DOWNLOAD_DIRECTORY}) as {@code file_type} csv, tsv, excel, pdf or
 * json. Without {@code json_schema} the output is the parsed content (rows as maps, the PDF's text, the
 * JSON value); with one, the run's engine extracts schema-shaped data from it.
 */
public final class FileUrlParserBlock implements BlockType {

    @Override
    public String type() {
        return "file_url_parser";
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) throws InterruptedException {
        String ref = block.string("file_url").orElse("");
        String declared = block.string("file_type").map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("");
        if (!declared.isEmpty() && !FileParsers.TYPES.contains(declared)) {
            return BlockResult.failed("file_url_parser block '" + block.label() + "': file_type '" + declared
                    + "' is not one of " + FileParsers.TYPES);
        }
        JsonNode schema;
        try {
            schema = DataSchemas.normalize(block.field("json_schema").filter(v -> !"".equals(v)).orElse(null));
        } catch (IllegalArgumentException e) {
            return BlockResult.failed("file_url_parser block '" + block.label() + "': json_schema " + e.getMessage());
        }
        Path file;
        String type;
        Object parsed;
        try {
            file = RunFiles.file(ref, context.services());
            type = declared.isEmpty() ? FileParsers.typeOf(file) : declared;
            if (type == null) {
                return BlockResult.failed("file_url_parser block '" + block.label() + "': set file_type (one of "
                        + FileParsers.TYPES + "); the name of '" + ref + "' does not tell");
            }
            parsed = switch (type) {
                case "csv" -> FileParsers.delimited(file, ',');
                case "tsv" -> FileParsers.delimited(file, '\t');
                case "excel" -> FileParsers.excel(file);
                case "pdf" -> FileParsers.pdfText(file);
                default -> FileParsers.json(file);
            };
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return BlockResult.failed(context.services().secrets().redact("file_url_parser block '" + block.label()
                    + "' could not read file_url '" + ref + "' as " + (declared.isEmpty() ? "a file" : declared) + ": " + e.getMessage()));
        }
        if (schema == null) {
            return BlockResult.completed(context.services().secrets().redactDeep(parsed));
        }
        if (parsed instanceof String text) {
            return PdfParserBlock.extract(block, context, file, text, schema);
        }
        String asText = Json.compact(parsed);
        SchemaAnswers.Answer answer;
        try {
            answer = SchemaAnswers.fromPage(BlockSupport.engine(block, context),
                    SchemaAnswers.documentPage(file.getFileName().toString(), context.services().secrets().redact(asText),
                            tables(parsed)), PdfParserBlock.GOAL, schema, BlockSupport.userDetails(block, context));
        } catch (EngineException e) {
            return BlockResult.failed(context.services().secrets().redact(e.getMessage()));
        }
        context.addSteps(1);
        if (!answer.ok()) {
            return BlockResult.failed("file_url_parser block '" + block.label() + "': " + answer.failure());
        }
        return BlockResult.completed(context.services().secrets().redactDeep(Json.mapper().convertValue(answer.data(), Object.class)));
    }

    /** Parsed rows as page tables, so an extractor reads them as it reads HTML tables. */
    @SuppressWarnings("unchecked")
    private static List<PageContent.Table> tables(Object parsed) {
        List<PageContent.Table> tables = new ArrayList<>();
        if (parsed instanceof Map<?, ?> sheets) {
            sheets.forEach((name, rows) -> {
                if (rows instanceof List<?> list) {
                    tables.addAll(tableOf(String.valueOf(name), (List<Object>) list));
                }
            });
        } else if (parsed instanceof List<?> rows) {
            tables.addAll(tableOf("", (List<Object>) rows));
        }
        return tables;
    }

    private static List<PageContent.Table> tableOf(String caption, List<Object> rows) {
        if (rows.isEmpty() || !(rows.get(0) instanceof Map<?, ?> first)) {
            return List.of();
        }
        List<String> headers = first.keySet().stream().map(String::valueOf).toList();
        List<List<String>> cells = new ArrayList<>();
        for (Object row : rows) {
            if (row instanceof Map<?, ?> m) {
                cells.add(headers.stream().map(h -> String.valueOf(m.get(h) == null ? "" : m.get(h))).toList());
            }
        }
        return List.of(new PageContent.Table(caption, headers, cells));
    }
}
