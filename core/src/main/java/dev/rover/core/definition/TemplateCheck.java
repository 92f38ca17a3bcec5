package dev.rover.core.definition;

import dev.rover.core.text.PrintableText;

import dev.rover.core.template.TemplateInspector;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Checks the Jinja templates in a definition's block fields before anything runs: a syntax error or
 * a tag that would load another template is a definition problem (so {@code validate} and {@code run}
 * refuse the file), and a name that no parameter, block output or reserved key defines is a warning.
 */
public final class TemplateCheck {

    private TemplateCheck() {
    }

    /** A name a template reads that nothing in the workflow defines. */
    public record UnknownName(SourcePosition position, String blockLabel, String field, String name) {
        /** The warning line's text after the position. */
        public String reason() {
            return PrintableText.of("block '" + blockLabel + "', field '" + field + "' uses '" + name
                    + "', which no parameter, block output or reserved key defines");
        }
    }

    /** Reports syntax errors and refused tags of every template in these blocks (nested loop blocks too). */
    static void checkSyntax(List<BlockDefinition> blocks, BlockReader reader, Problems problems) {
        for (BlockDefinition block : blocks) {
            String blockPath = reader.pathOf(block);
            forEachTemplate(block, (field, template) -> {
                for (String error : TemplateInspector.inspect(template).errors()) {
                    problems.add(block.positionOf(field), blockPath == null ? field : Nodes.path(blockPath, field),
                            error + " in '" + TemplateInspector.excerpt(template) + "'");
                }
            });
            checkSyntax(block.loopBlocks(), reader, problems);
        }
    }

    /** Every name the workflow's templates read that it does not define, in file order. */
    public static List<UnknownName> unknownNames(Workflow workflow) {
        Set<String> known = new LinkedHashSet<>(Identifiers.RESERVED_KEYS);
        workflow.parameters().forEach(p -> known.add(p.key()));
        workflow.allBlocks().forEach(b -> known.add(b.label()));
        List<UnknownName> unknown = new ArrayList<>();
        for (BlockDefinition block : workflow.allBlocks()) {
            forEachTemplate(block, (field, template) -> {
                for (String name : TemplateInspector.inspect(template).names()) {
                    if (!known.contains(name)) {
                        unknown.add(new UnknownName(block.positionOf(field), block.label(), field, name));
                    }
                }
            });
        }
        return unknown;
    }

    /** Calls {@code action} with the top-level field name of every string (inside maps and lists too) of the block. */
    private static void forEachTemplate(BlockDefinition block, BiConsumer<String, String> action) {
        for (Map.Entry<String, Object> field : block.fields().entrySet()) {
            visit(field.getKey(), field.getValue(), action);
        }
    }

    private static void visit(String field, Object value, BiConsumer<String, String> action) {
        if (value instanceof String text) {
            action.accept(field, text);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> visit(field, v, action));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> visit(field, v, action));
        }
    }
}
