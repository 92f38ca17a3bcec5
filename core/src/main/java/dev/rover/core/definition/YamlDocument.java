package dev.rover.core.definition;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Composes YAML or JSON text into a SnakeYAML node tree (never constructing objects), turning
 * syntax errors into problems at the parser's position.
 */
final class YamlDocument {

    private YamlDocument() {
    }

    /** The root node, or null after reporting why there is none (syntax error, empty document). */
    static Node compose(String content, int codePointLimit, Problems problems) {
        if (isJsonSource(problems.source()) && !StrictJson.check(content, problems)) {
            return null;
        }
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(codePointLimit);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(Nodes.MAX_DEPTH);
        options.setMergeOnCompose(true); // '<<: *defaults' shares fields between blocks; explicit keys win
        String text = content;
        if (looksLikeJson(content)) {
            ColumnShifts shifts = new ColumnShifts();
            text = prepareJson(content, shifts);
            problems.useColumnShifts(shifts);
        }
        Node root;
        try {
            // WholeTextReader instead of SnakeYAML's StreamReader keeps a long line linear (see its javadoc)
            root = new Composer(new ParserImpl(new WholeTextReader(text), options), new Resolver(), options)
                    .getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() == null ? "syntax error" : e.getProblem();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            problems.add(problems.at(mark), Problems.DOCUMENT, "syntax error: " + problem + context);
            return null;
        } catch (YAMLException e) {
            problems.add(problems.start(), Problems.DOCUMENT, "cannot be read: " + e.getMessage());
            return null;
        }
        if (root == null) {
            problems.add(problems.start(), Problems.DOCUMENT,
                    "the file is empty; expected a map with 'title' and 'workflow_definition'");
        }
        return root;
    }

    /** Whether the definition is named as a JSON file, and so must be strict JSON. */
    static boolean isJsonSource(String source) {
        return source.toLowerCase(java.util.Locale.ROOT).endsWith(".json");
    }

    private static boolean looksLikeJson(String content) {
        String trimmed = content.stripLeading();
        return trimmed.startsWith("{") || trimmed.startsWith("[");
    }

    /**
     * Smooths the two places where JSON is not YAML: tabs between tokens become spaces (both count
     * as one column, so positions stay exact) and the {@code \/} escape becomes a plain slash (the
     * removed backslash is recorded so later columns on that line map back). Strings are otherwise untouched.
     */
    static String prepareJson(String json, ColumnShifts shifts) {
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        int line = 0;
        int column = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\n') {
                out.append(c);
                line++;
                column = 0;
                continue;
            }
            if (inString && c == '\\' && i + 1 < json.length()) {
                char next = json.charAt(++i);
                if (next == '/') {
                    shifts.removedBefore(line, column);
                    out.append('/');
                    column++;
                } else {
                    out.append(c).append(next);
                    column += 2;
                }
                continue;
            }
            if (c == '"') {
                inString = !inString;
            }
            out.append(!inString && c == '\t' ? ' ' : c);
            column++;
        }
        return out.toString();
    }
}
