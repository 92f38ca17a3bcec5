package dev.rover.samples.e2e.fakellm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.core.json.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a scripted model "reads" in a prompt: the element markup (to turn a label a person would
 * use into the element id the page was given) and the user details (to type placeholders).
 */
public final class PromptElements {

    /** One element line as the prompt shows it. */
    public record Markup(String tag, String id, Map<String, String> attributes, String text) {
        boolean answersTo(String label, boolean exact) {
            String wanted = normalise(label);
            List<String> names = new ArrayList<>(attributes.values());
            names.add(text);
            for (String name : names) {
                String n = normalise(name);
                if (n.isEmpty()) {
                    continue;
                }
                if (exact ? n.equals(wanted) : n.contains(wanted)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final Pattern ELEMENT = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*) id=\"([^\"]+)\"([^>]*)>([^<\\n]*)");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z][a-zA-Z0-9_-]*)=\"([^\"]*)\"");
    private static final Pattern PAGE_URL = Pattern.compile("(?m)^(?:Current page|Page): .*\\((\\S+)\\)\\s*$");

    private final String prompt;
    private final List<Markup> elements;

    private PromptElements(String prompt, List<Markup> elements) {
        this.prompt = prompt;
        this.elements = elements;
    }

    /** Reads every element line of the prompt. */
    public static PromptElements read(String prompt) {
        List<Markup> found = new ArrayList<>();
        Matcher m = ELEMENT.matcher(prompt);
        while (m.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher a = ATTRIBUTE.matcher(m.group(3));
            while (a.find()) {
                attributes.put(a.group(1), a.group(2).replace("&quot;", "\""));
            }
            found.add(new Markup(m.group(1).toLowerCase(Locale.ROOT), m.group(2), attributes, m.group(4).strip()));
        }
        return new PromptElements(prompt, List.copyOf(found));
    }

    public List<Markup> elements() {
        return elements;
    }

    /** The id of the element a person would call {@code label}: an exact name first, then one containing it. */
    public Optional<String> idOf(String label) {
        return elements.stream().filter(e -> e.answersTo(label, true)).findFirst()
                .or(() -> elements.stream().filter(e -> e.answersTo(label, false)).findFirst())
                .map(Markup::id);
    }

    /** The page URL the prompt names ({@code Current page: title (url)}), or empty. */
    public String pageUrl() {
        Matcher m = PAGE_URL.matcher(prompt);
        return m.find() ? m.group(1) : "";
    }

    /**
     * Replaces {@code {{detail:key}}} with the value of {@code key} anywhere in the prompt's user
     * details (the JSON block the prompt lists them in), so a script can type a placeholder it was given.
     */
    public String fill(String template) {
        Matcher m = Pattern.compile("\\{\\{detail:([a-zA-Z0-9_]+)}}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = detail(m.group(1)).orElseThrow(() -> new IllegalStateException(
                    "the prompt lists no user detail '" + m.group(0) + "'"));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A user detail by key, searched through every JSON object the prompt contains. */
    public Optional<String> detail(String key) {
        int start = prompt.indexOf('{');
        while (start >= 0) {
            int end = matchingBrace(start);
            if (end > start) {
                try {
                    JsonNode node = Json.mapper().readTree(prompt.substring(start, end + 1));
                    JsonNode hit = node.findValue(key);
                    if (hit != null && hit.isValueNode()) {
                        return Optional.of(hit.asText());
                    }
                } catch (IOException notJson) {
                    // prose with braces (the answer schema of the system prompt); keep looking further on
                }
            }
            start = prompt.indexOf('{', start + 1);
        }
        return Optional.empty();
    }

    private int matchingBrace(int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < prompt.length(); i++) {
            char c = prompt.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String normalise(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
