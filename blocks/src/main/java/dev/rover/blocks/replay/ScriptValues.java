package dev.rover.blocks.replay;

import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.definition.Parameter;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.json.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps a value the agent typed, chose or opened back to where it came from, so a script stores a reference rather
 * than the value: a parameter, a credential field or an earlier block's output becomes {@code {{ key }}} or
 * {@code {{ key.field }}} (rendered with the next run's values, placeholders included); text the block's own
 * definition holds stays literal. Anything else (a value the model made up or read off the page) cannot be
 * replayed safely, and the block is not recorded.
 */
final class ScriptValues {

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Every reachable value as {@code template -> value}, declared parameters first. */
    private final Map<String, String> sources = new LinkedHashMap<>();
    /** The same values, longest first: a longer value is replaced before a shorter one inside it. */
    private final List<Map.Entry<String, String>> byLength;
    /** What {@link #mask} replaces: each value of three characters or more as a pattern, with its reference. */
    private final List<Map.Entry<java.util.regex.Pattern, String>> masks = new ArrayList<>();
    private final String definition;

    ScriptValues(BlockContext context, BlockDefinition block) {
        Map<String, Object> values = context.values();
        for (Parameter p : context.workflow().parameters()) {
            add(p.key(), values.get(p.key()), 0);
        }
        values.forEach((k, v) -> add(k, v, 0));
        byLength = new ArrayList<>(sources.entrySet());
        byLength.sort((a, b) -> Integer.compare(b.getValue().length(), a.getValue().length()));
        for (Map.Entry<String, String> source : byLength) {
            String value = source.getValue().strip();
            if (value.length() >= 3) {
                String pattern = value.length() == 3 ? "(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(value) + "(?![\\p{L}\\p{N}])"
                        : java.util.regex.Pattern.quote(value);
                masks.add(Map.entry(java.util.regex.Pattern.compile(pattern,
                                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE),
                        java.util.regex.Matcher.quoteReplacement("{{ " + source.getKey() + " }}")));
            }
        }
        BlockDefinition raw = context.workflow().allBlocks().stream().filter(b -> b.label().equals(block.label()))
                .findFirst().orElse(block);
        this.definition = Json.compact(raw.fields());
    }

    /**
     * The template for a value.
     *
     * @param what what the value is, for the reason ({@code "the text typed by action 3"})
     * @throws Unrecordable when the value has no source a script may name
     */
    String template(String value, String what) {
        if (value == null) {
            return null;
        }
        for (Map.Entry<String, String> source : sources.entrySet()) {
            if (source.getValue().equals(value)) {
                return "{{ " + source.getKey() + " }}";
            }
        }
        if (value.isEmpty() || (definition.contains(Json.compact(value).replaceAll("^\"|\"$", ""))
                && !value.contains("{{") && !value.contains("{%"))) {
            return value;
        }
        throw new Unrecordable(what + " came from neither a parameter, a credential, an earlier output nor the block's "
                + "definition, so a replay could not reproduce it");
    }

    /** Values shorter than this are replaced in a URL only as a whole segment: inside words they match by chance. */
    private static final int MIN_EMBEDDED = 4;

    /**
     * A URL with every value it embeds (a search term, an account number, a placeholder) replaced by its reference,
     * longest first, so the script neither stores the value nor opens the old one with new parameters.
     */
    String embedded(String url) {
        // the scheme and host stay as recorded: a value never decides which site a replay opens
        int scheme = url.indexOf("://");
        int pathStart = scheme < 0 ? 0 : indexOfAny(url, scheme + 3, "/?#");
        String origin = url.substring(0, pathStart);
        String out = url.substring(pathStart);
        for (Map.Entry<String, String> source : byLength) {
            String value = source.getValue();
            String reference = "{{ " + source.getKey() + " }}";
            if (value.isEmpty()) {
                continue;
            }
            if (value.length() < MIN_EMBEDDED) {
                // a short value only as a whole path segment or query value ("/en/", "id=7"), not inside a word
                out = out.replaceAll("(?<=[=/])" + java.util.regex.Pattern.quote(value) + "(?=[&/#]|$)",
                        java.util.regex.Matcher.quoteReplacement(reference));
                continue;
            }
            out = out.replace(value, reference);
            String encoded = java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
            if (!encoded.equals(value)) {
                out = out.replace(encoded, "{{ " + source.getKey() + " | urlencode }}");
                out = out.replace(encoded.replace("+", "%20"), "{{ " + source.getKey() + " | urlencode }}");
            }
        }
        return origin + out;
    }

    private static int indexOfAny(String s, int from, String chars) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    /**
     * Text read off the page (a button's name, a row's text) with every value of this run in it replaced by its
     * reference: a script never stores a value, and the same control shows the next run's value in the same place.
     * Values of three characters count only as whole words; shorter ones not at all.
     */
    String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Map.Entry<java.util.regex.Pattern, String> mask : masks) {
            out = mask.getKey().matcher(out).replaceAll(mask.getValue());
        }
        return out;
    }

    /** True when the text holds a value of this run ({@link #mask} would change it). */
    boolean holdsValue(String text) {
        return text != null && !text.equals(mask(text));
    }

    private void add(String path, Object value, int depth) {
        String segment = path.substring(path.lastIndexOf('.') + 1);
        if (!KEY.matcher(segment).matches() || value == null) {
            return;
        }
        String key = path;
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            sources.putIfAbsent(key, String.valueOf(value));
        } else if (value instanceof Map<?, ?> map && depth < 2) {
            List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
            for (Map.Entry<?, ?> e : entries) {
                add(key + "." + e.getKey(), e.getValue(), depth + 1);
            }
        }
    }

    /** Why a block's actions cannot become a script. */
    static final class Unrecordable extends RuntimeException {
        Unrecordable(String reason) {
            super(reason, null, false, false);
        }
    }
}
