package dev.rover.core.exec;

import dev.rover.core.template.TemplateException;
import dev.rover.core.template.TemplateMode;
import dev.rover.core.template.TemplateRenderer;

import dev.rover.core.definition.BlockDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Renders every string of a block's own fields (inside maps and lists too) before the block runs,
 * and resolves the legacy bare-key {@code url} ({@code url: website_url}). Nested loop blocks are
 * left alone: whoever runs the loop renders them per iteration.
 */
public final class BlockRenderer {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final TemplateRenderer renderer;

    public BlockRenderer(TemplateRenderer renderer) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /** A renderer for a mode. */
    public static BlockRenderer of(TemplateMode mode) {
        return new BlockRenderer(TemplateRenderer.of(mode));
    }

    /**
     * A copy of the block with its fields rendered.
     *
     * @throws TemplateException naming the block, the field and the template that failed
     */
    public BlockDefinition render(BlockDefinition block, Map<String, ?> values) {
        return render(block, values, () -> false);
    }

    /**
     * A copy of the block with its fields rendered for a run that may end meanwhile.
     *
     * @param stopRequested answers true once the run's deadline passed or it was canceled; rendering then stops
     * @throws TemplateException naming the block, the field and the template that failed
     */
    public BlockDefinition render(BlockDefinition block, Map<String, ?> values, BooleanSupplier stopRequested) {
        Map<String, Object> rendered = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : block.fields().entrySet()) {
            Object value = field.getValue();
            if ("url".equals(field.getKey()) && value instanceof String url && isBareKey(url.trim(), values)) {
                Object resolved = values.get(url.trim());
                rendered.put(field.getKey(), resolved == null ? null : String.valueOf(resolved));
                continue;
            }
            try {
                rendered.put(field.getKey(), renderValue(value, values, stopRequested));
            } catch (TemplateException e) {
                throw new TemplateException("block '" + block.label() + "', field '" + field.getKey() + "' at "
                        + block.positionOf(field.getKey()) + ": " + e.getMessage(), e.template(), e.variable());
            }
        }
        return block.withFields(rendered);
    }

    private static boolean isBareKey(String url, Map<String, ?> values) {
        return IDENTIFIER.matcher(url).matches() && values.containsKey(url);
    }

    private Object renderValue(Object value, Map<String, ?> values, BooleanSupplier stopRequested) {
        if (value instanceof String text) {
            return renderer.render(text, values, stopRequested);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, renderValue(v, values, stopRequested)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(renderValue(v, values, stopRequested)));
            return copy;
        }
        return value;
    }
}
