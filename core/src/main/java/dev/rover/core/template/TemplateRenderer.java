package dev.rover.core.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.OutputTooBigException;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.UnknownTokenException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Renders Jinja2 templates with Skyvern's semantics: maps and lists print as JSON, {@code tojson}
 * works, a syntax error names the template, and an undefined name is empty (lax) or an error
 * naming it (strict). The Jinjava engines are shared and thread-safe; every call renders afresh.
 *
 * <p>Strict mode counts a variable whose value is null as undefined (Jinjava cannot tell them apart).
 */
public final class TemplateRenderer {

    /** The most characters one template may render to. */
    public static final long MAX_OUTPUT_CHARS = 1_000_000;
    /** The most loop iterations one template may run, counting every iteration of nested loops. */
    public static final int MAX_LOOP_ITERATIONS = 100_000;
    /** The most items {@code range()} may produce. */
    public static final int MAX_RANGE = 10_000;

    private static final String UNKNOWN_TOKEN = "Unknown token found: ";
    private static final Jinjava LAX_ENGINE = engine(false);
    /** A template that is one plain variable reference, such as {@code {{ first_name }}}. */
    private static final java.util.regex.Pattern PLAIN_REFERENCE = java.util.regex.Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
    private static final Jinjava STRICT_ENGINE = engine(true);
    private static final TemplateRenderer LAX = new TemplateRenderer(TemplateMode.LAX);
    private static final TemplateRenderer STRICT = new TemplateRenderer(TemplateMode.STRICT);

    private final TemplateMode mode;

    private TemplateRenderer(TemplateMode mode) {
        this.mode = mode;
    }

    /**
     * A Jinjava engine with Rover's limits: nested interpretation off (a value that contains "{{ ... }}",
     * such as page text or a user's parameter, is data, never a template, as in Jinja2), no access to
     * files or classpath resources (include, import, from and extends are refused), bounded output,
     * string, range and collection sizes, and a {@code for} tag that counts its iterations.
     */
    static Jinjava engine(boolean failOnUnknownTokens) {
        Jinjava engine = new Jinjava(JinjavaConfig.newBuilder()
                .withFailOnUnknownTokens(failOnUnknownTokens)
                .withNestedInterpretationEnabled(false)
                .withMaxOutputSize(MAX_OUTPUT_CHARS)
                .withMaxStringLength(MAX_OUTPUT_CHARS)
                .withRangeLimit(MAX_RANGE)
                .withMaxListSize(MAX_LOOP_ITERATIONS)
                .withMaxMapSize(MAX_LOOP_ITERATIONS)
                .withMaxMacroRecursionDepth(20)
                .build());
        engine.setResourceLocator(NoResources.INSTANCE);
        engine.getGlobalContext().registerTag(new BoundedForTag());
        return engine;
    }

    /** The renderer for a mode. */
    public static TemplateRenderer of(TemplateMode mode) {
        return Objects.requireNonNull(mode, "mode") == TemplateMode.STRICT ? STRICT : LAX;
    }

    public TemplateMode mode() {
        return mode;
    }

    /** True when the text contains Jinja markup ({@code {{}}, {@code {%} or <code>{#</code>}). */
    public static boolean isTemplate(String text) {
        return text != null && (text.contains("{{") || text.contains("{%") || text.contains("{#"));
    }

    /**
     * Renders one template.
     *
     * @throws TemplateException for a syntax error, or an undefined variable in strict mode
     */
    public String render(String template, Map<String, ?> values) {
        return render(template, values, () -> false);
    }

    /**
     * Renders one template for a run, stopping when {@code stopRequested} answers true (the run's deadline
     * passed or it was canceled) or the template exceeds {@link #MAX_LOOP_ITERATIONS} or {@link #MAX_OUTPUT_CHARS}.
     *
     * @throws TemplateException for a syntax error, an undefined variable in strict mode, a refused include,
     *                           or a rendering stopped by a limit or by the run ending
     */
    public String render(String template, Map<String, ?> values, BooleanSupplier stopRequested) {
        Objects.requireNonNull(stopRequested, "stopRequested");
        if (!isTemplate(template)) {
            return template;
        }
        java.util.regex.Matcher reference = PLAIN_REFERENCE.matcher(template);
        if (reference.matches() && values.get(reference.group(1)) instanceof String text && text.length() <= MAX_OUTPUT_CHARS) {
            // "{{ name }}" of a text value renders as that text (nested interpretation is off): no engine needed
            return text;
        }
        Map<String, Object> context = new HashMap<>();
        values.forEach((k, v) -> context.put(k, JsonText.wrap(v)));
        Jinjava engine = mode == TemplateMode.STRICT ? STRICT_ENGINE : LAX_ENGINE;
        RenderResult result;
        try (RenderBudget.Scope ignored = RenderBudget.open(MAX_LOOP_ITERATIONS, stopRequested)) {
            result = engine.renderForResult(template, context);
        } catch (RenderBudget.LimitExceeded e) {
            throw stopped(template, e);
        }
        List<TemplateError> fatal = result.getErrors().stream()
                .filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL)
                .toList();
        if (!fatal.isEmpty()) {
            throw toException(template, fatal.get(0));
        }
        return result.getOutput();
    }

    private static TemplateException stopped(String template, RenderBudget.LimitExceeded e) {
        return new TemplateException("rendering of template '" + TemplateInspector.excerpt(template) + "' was stopped: "
                + e.getMessage(), template, null);
    }

    private static TemplateException toException(String template, TemplateError error) {
        for (Throwable cause = error.getException(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RenderBudget.LimitExceeded e) {
                return stopped(template, e); // Jinjava wraps what a tag throws as "Error rendering tag"
            }
            if (cause instanceof OutputTooBigException) {
                return stopped(template, new RenderBudget.LimitExceeded("its output exceeded " + MAX_OUTPUT_CHARS
                        + " characters (the limit for one template)"));
            }
        }
        String message = error.getMessage() == null ? "" : error.getMessage();
        if (error.getException() instanceof UnknownTokenException || message.contains(UNKNOWN_TOKEN)) {
            int at = message.indexOf(UNKNOWN_TOKEN);
            String variable = at < 0 ? message : message.substring(at + UNKNOWN_TOKEN.length()).trim();
            return new TemplateException("undefined variable '" + variable + "' in template '" + template + "'",
                    template, variable);
        }
        return new TemplateException("cannot render template '" + template + "' (line " + error.getLineno() + "): "
                + message, template, null);
    }
}
