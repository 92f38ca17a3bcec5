package dev.rover.core.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.tree.ExpressionNode;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import dev.rover.core.text.PrintableText;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a template without values, for {@code validate} and the loader: syntax errors (an unclosed
 * {@code {{}, an {@code {% if %}} without its end, a malformed expression), tags that would load other
 * templates, and the names the template reads, so a definition can warn about names nothing defines.
 */
public final class TemplateInspector {

    private static final Set<String> LOADING_TAGS = Set.of("include", "import", "from", "extends");
    private static final Set<String> NAME_TAGS = Set.of("if", "elif", "for", "set", "print", "do", "call");
    /** Names Jinja itself defines inside a template, besides the template's own variables. */
    private static final Set<String> BUILTIN_NAMES = Set.of("loop", "range", "namespace", "caller", "super", "self",
            "varargs", "kwargs", "true", "false", "none", "null", "True", "False", "None", "and", "or", "not", "in",
            "is", "if", "else", "elif");
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern FILTER_OR_TEST = Pattern.compile("(\\|\\s*|\\bis\\s+(?:not\\s+)?)[A-Za-z_]\\w*");
    private static final Pattern NAME = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)(?!\\s*\\()(?!\\s*=[^=])");
    private static final Pattern FOR_TARGETS = Pattern.compile("^\\s*(.+?)\\s+in\\s+(.*)$", Pattern.DOTALL);
    private static final Pattern SET_TARGET = Pattern.compile("^\\s*([A-Za-z_][\\w\\s,]*?)\\s*=(.*)$", Pattern.DOTALL);
    private static final int EXCERPT_LENGTH = 60;
    private static final Jinjava ENGINE = TemplateRenderer.engine(false);

    private TemplateInspector() {
    }

    /** What inspecting one template found. */
    public record Inspection(List<String> errors, Set<String> names) {
        public Inspection {
            errors = List.copyOf(errors);
            names = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(names));
        }
    }

    /** Inspects the template; text without Jinja markup has no errors and reads no names. */
    public static Inspection inspect(String template) {
        if (!TemplateRenderer.isTemplate(template)) {
            return new Inspection(List.of(), Set.of());
        }
        List<String> errors = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        Set<String> local = new LinkedHashSet<>();
        JinjavaInterpreter interpreter = ENGINE.newInterpreter();
        JinjavaInterpreter.pushCurrent(interpreter);
        try (RenderBudget.Scope ignored = RenderBudget.open(TemplateRenderer.MAX_LOOP_ITERATIONS, () -> false)) {
            Node root = interpreter.parse(template);
            walk(root, interpreter, errors, names, local);
        } catch (RuntimeException e) {
            errors.add("template cannot be read: " + e.getMessage());
        } finally {
            JinjavaInterpreter.popCurrent();
        }
        for (TemplateError error : interpreter.getErrors()) {
            if (error.getReason() == TemplateError.ErrorReason.SYNTAX_ERROR) {
                String message = describe(error);
                if (!errors.contains(message)) {
                    errors.add(message);
                }
            }
        }
        names.removeAll(local);
        names.removeAll(BUILTIN_NAMES);
        return new Inspection(errors, names);
    }

    /** A short, printable excerpt of a template for messages. */
    public static String excerpt(String template) {
        String oneLine = template.length() > EXCERPT_LENGTH ? template.substring(0, EXCERPT_LENGTH - 3) + "..." : template;
        return PrintableText.of(oneLine);
    }

    private static void walk(Node node, JinjavaInterpreter interpreter, List<String> errors, Set<String> names,
                             Set<String> local) {
        if (node instanceof TagNode tag) {
            String name = tag.getName();
            if (LOADING_TAGS.contains(name)) {
                errors.add("'{% " + name + " %}' is not allowed: " + NoResources.REASON);
            } else if (NAME_TAGS.contains(name)) {
                readNames(name, tag.getHelpers(), names, local);
            } else if (name.equals("macro")) {
                collectNames(tag.getHelpers(), local); // the macro's name and arguments are its own
            }
        } else if (node instanceof ExpressionNode expression && expression.getMaster() instanceof ExpressionToken token) {
            String text = token.getExpr();
            collectNames(text, names);
            interpreter.resolveELExpression(text, token.getLineNumber()); // reports a malformed expression
        }
        for (Node child : node.getChildren()) {
            walk(child, interpreter, errors, names, local);
        }
    }

    private static void readNames(String tag, String helpers, Set<String> names, Set<String> local) {
        if (tag.equals("for")) {
            Matcher m = FOR_TARGETS.matcher(helpers);
            if (m.matches()) {
                collectNames(m.group(1), local);
                collectNames(m.group(2), names);
                return;
            }
        } else if (tag.equals("set")) {
            Matcher m = SET_TARGET.matcher(helpers);
            if (m.matches()) {
                collectNames(m.group(1), local);
                collectNames(m.group(2), names);
                return;
            }
            collectNames(helpers, local); // a block set: {% set name %}...{% endset %}
            return;
        }
        collectNames(helpers, names);
    }

    private static void collectNames(String expression, Set<String> into) {
        String bare = STRING_LITERAL.matcher(expression).replaceAll(" ");
        bare = FILTER_OR_TEST.matcher(bare).replaceAll(" ");
        Matcher m = NAME.matcher(bare);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static String describe(TemplateError error) {
        String message = error.getMessage() == null ? "" : error.getMessage();
        if (message.equals("Unclosed token")) {
            return "template syntax error: '{{' or '{%' is not closed";
        }
        if (message.equals("Missing start tag")) {
            return "template syntax error: '{% " + error.getFieldName() + " %}' has no matching start tag";
        }
        Matcher prefix = Pattern.compile("^Syntax error in '.*?': ", Pattern.DOTALL).matcher(message);
        if (prefix.find()) {
            message = message.substring(prefix.end());
        }
        if (message.startsWith("Error parsing '")) {
            message = message.replaceFirst("^Error parsing '(.*)': syntax error at position \\d+, ",
                    "cannot parse '$1': ");
        }
        return "template syntax error: " + message;
    }
}
