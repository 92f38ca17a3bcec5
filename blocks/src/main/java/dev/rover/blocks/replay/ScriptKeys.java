package dev.rover.blocks.replay;

import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.definition.Workflow;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.json.Json;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What scripts are cached under: the workflow's identity and the rendered {@code cache_key}. */
public final class ScriptKeys {

    private ScriptKeys() {
    }

    private static final java.util.regex.Pattern PERMANENT_ID = java.util.regex.Pattern.compile("wpid_[0-9a-z]+");

    /**
     * The identity of a workflow for its scripts: the permanent id of a stored workflow ({@code wpid_...}, so its
     * scripts outlive new versions and heal through fallback), else {@code sha256:} of its blocks (types, labels,
     * fields, nested blocks), so a changed file records afresh while a title or parameter default change keeps its scripts.
     */
    public static String workflow(Workflow workflow) {
        if (workflow.source() != null && PERMANENT_ID.matcher(workflow.source()).matches()) {
            return workflow.source();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Json.compact(blocks(workflow.blocks())).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The workflow's {@code cache_key} rendered with the run's values; when that is {@code default} or empty, the
     * domain of the first block URL is appended (as Skyvern does), so one definition used on two sites keeps two scripts.
     */
    static String cacheKey(BlockContext context) {
        String rendered;
        try {
            rendered = context.render(context.workflow().settings().cacheKey()).strip();
        } catch (RuntimeException e) {
            rendered = "default"; // a cache_key naming a value this run does not have yet
        }
        if (!rendered.isEmpty() && !rendered.equals("default")) {
            return rendered;
        }
        String base = rendered.isEmpty() ? "default" : rendered;
        for (BlockDefinition block : context.workflow().allBlocks()) {
            String url = block.string("url").map(String::strip).orElse("");
            if (!url.isEmpty()) {
                String host;
                try {
                    host = host(context.render(url));
                } catch (RuntimeException e) {
                    host = null; // the URL refers to an output of a later block
                }
                return host == null ? base : base + "@" + host;
            }
        }
        return base;
    }

    private static String host(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<Map<String, Object>> blocks(List<BlockDefinition> blocks) {
        return blocks.stream().map(b -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", b.blockType());
            m.put("label", b.label());
            m.put("fields", b.fields());
            if (!b.loopBlocks().isEmpty()) {
                m.put("loop_blocks", blocks(b.loopBlocks()));
            }
            return m;
        }).toList();
    }
}
