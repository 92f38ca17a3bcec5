package dev.rover.core.definition;

import dev.rover.core.page.UrlPolicy;
import dev.rover.core.template.TemplateRenderer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks the {@code url} written in a block when the file loads: a {@code javascript:} URL, another
 * scheme Rover never opens, or a malformed URL is a definition problem rather than a run failure.
 * Templates and bare parameter keys ({@code url: website_url}) are checked when the run resolves them.
 * Whether {@code file:} URLs may be opened is the caller's decision ({@link #refusedFileUrls}).
 */
public final class UrlCheck {

    private UrlCheck() {
    }

    static void check(List<BlockDefinition> blocks, BlockReader reader, List<Parameter> parameters, Problems problems) {
        Set<String> keys = new LinkedHashSet<>(Identifiers.RESERVED_KEYS);
        parameters.forEach(p -> keys.add(p.key()));
        keys.addAll(reader.labels().keySet());
        forEach(blocks, block -> block.string("url").ifPresent(url -> {
            String trimmed = url.strip();
            if (trimmed.isEmpty() || TemplateRenderer.isTemplate(trimmed) || keys.contains(trimmed)) {
                return;
            }
            UrlPolicy.malformed(url).ifPresent(reason -> {
                String path = reader.pathOf(block);
                problems.add(block.positionOf("url"), path == null ? "url" : Nodes.path(path, "url"), reason);
            });
        }));
    }

    /** The literal {@code file:} URLs of the workflow's blocks, as problems, unless file URLs are allowed. */
    public static List<DefinitionProblem> refusedFileUrls(Workflow workflow, boolean allowFileUrls) {
        List<DefinitionProblem> refused = new java.util.ArrayList<>();
        for (BlockDefinition block : workflow.allBlocks()) {
            block.string("url").filter(url -> !TemplateRenderer.isTemplate(url))
                    .flatMap(url -> UrlPolicy.malformed(url).isPresent() ? java.util.Optional.empty()
                            : UrlPolicy.check(url, allowFileUrls))
                    .ifPresent(reason -> refused.add(new DefinitionProblem(block.positionOf("url"),
                            block.label() + ".url", reason)));
        }
        return refused;
    }

    /** Calls {@code action} with every block, nested loop blocks included. */
    static void forEach(List<BlockDefinition> blocks, Consumer<BlockDefinition> action) {
        for (BlockDefinition block : blocks) {
            action.accept(block);
            forEach(block.loopBlocks(), action);
        }
    }
}
