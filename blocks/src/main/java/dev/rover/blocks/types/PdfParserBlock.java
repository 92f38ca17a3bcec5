package dev.rover.blocks.types;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.blocks.agent.DataSchemas;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.engine.EngineException;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockType;
import dev.rover.core.json.Json;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code pdf_parser}: reads a PDF's text (PDFBox) from {@code file_url} and has the run's engine extract
 * data from it, shaped by {@code json_schema} when given. The offline engine reads labelled values
 * ({@code Invoice ID: INV-7}) as it does on pages; a model reads the whole text.
 */
public final class PdfParserBlock implements BlockType {

    static final String GOAL = "Extract the information in this document";

    @Override
    public String type() {
        return "pdf_parser";
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) throws InterruptedException {
        String ref = block.string("file_url").orElse("");
        JsonNode schema;
        try {
            schema = DataSchemas.normalize(block.field("json_schema").filter(v -> !"".equals(v)).orElse(null));
        } catch (IllegalArgumentException e) {
            return BlockResult.failed("pdf_parser block '" + block.label() + "': json_schema " + e.getMessage());
        }
        String text;
        Path file;
        try {
            file = RunFiles.file(ref, context.services());
            text = FileParsers.pdfText(file);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return BlockResult.failed(context.services().secrets().redact("pdf_parser block '" + block.label()
                    + "' could not read file_url '" + ref + "': " + e.getMessage()));
        }
        return extract(block, context, file, text, schema);
    }

    /** Extracts from a document's text with the block's engine; shared with file_url_parser. */
    static BlockResult extract(BlockDefinition block, BlockContext context, Path file, String text, JsonNode schema) {
        SchemaAnswers.Answer answer;
        try {
            answer = SchemaAnswers.fromText(BlockSupport.engine(block, context), file.getFileName().toString(),
                    context.services().secrets().redact(text), GOAL, schema, BlockSupport.userDetails(block, context));
        } catch (EngineException e) {
            return BlockResult.failed(context.services().secrets().redact(e.getMessage()));
        }
        context.addSteps(1);
        if (!answer.ok()) {
            return BlockResult.failed(block.blockType() + " block '" + block.label() + "': " + answer.failure());
        }
        return BlockResult.completed(context.services().secrets().redactDeep(Json.mapper().convertValue(answer.data(), Object.class)));
    }
}
