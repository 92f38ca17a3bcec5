package dev.rover.core.definition;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.StringReader;

/**
 * Composes YAML or JSON text into a SnakeYAML node tree (never constructing objects), turning
 * syntax errors into problems at the parser's position.
 */
final class YamlDocument {

    private YamlDocument() {
    }

    /** The root node, or null after reporting why there is none (syntax error, empty document). */
    static Node compose(String content, int codePointLimit, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(codePointLimit);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(Nodes.MAX_DEPTH);
        String text = looksLikeJson(content) ? tabsOutsideStringsToSpaces(content) : content;
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
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

    private static boolean looksLikeJson(String content) {
        String trimmed = content.stripLeading();
        return trimmed.startsWith("{") || trimmed.startsWith("[");
    }

    /**
     * JSON allows tabs between tokens, YAML does not; a tab and a space both count as one column,
     * so swapping them keeps every reported position. Tabs inside strings are left alone.
     */
    static String tabsOutsideStringsToSpaces(String json) {
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
                out.append(c);
            } else {
                if (c == '"') {
                    inString = true;
                }
                out.append(c == '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
