package dev.rover.blocks.types;

import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockType;
import dev.rover.core.exec.RunServices;
import dev.rover.core.run.ArtifactType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code print_page}: saves the current page as a PDF artifact of the run ({@code file_name},
 * {@code format} such as A4 or Letter, {@code landscape}, {@code print_background}); the output names the artifact.
 */
public final class PrintPageBlock implements BlockType {

    private static final Set<String> FORMATS = Set.of("Letter", "Legal", "Tabloid", "Ledger", "A0", "A1", "A2", "A3",
            "A4", "A5", "A6");

    @Override
    public String type() {
        return "print_page";
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) {
        String format = block.string("format").map(String::trim).filter(s -> !s.isEmpty()).orElse("A4");
        String known = FORMATS.stream().filter(f -> f.equalsIgnoreCase(format)).findFirst().orElse(null);
        if (known == null) {
            return BlockResult.failed("print_page block '" + block.label() + "': format '" + format
                    + "' is not one of " + new java.util.TreeSet<>(FORMATS));
        }
        String fileName = block.string("file_name").map(String::trim).filter(s -> !s.isEmpty())
                .orElse(block.label() + ".pdf");
        if (!fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
            fileName = fileName + ".pdf";
        }
        RunServices runtime = context.services();
        byte[] pdf = runtime.browser().pdf(known, BlockFields.bool(block, "landscape", false),
                BlockFields.bool(block, "print_background", true));
        String id = runtime.artifacts().record(ArtifactType.PDF, block.label(), null, fileName, "application/pdf", pdf);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("artifact_id", id);
        out.put("file_name", fileName);
        out.put("size", pdf.length);
        out.put("url", runtime.secrets().redact(runtime.browser().currentUrl()));
        return BlockResult.completed(out);
    }
}
