package dev.rover.core.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.UnknownTokenException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders Jinja2 templates with Skyvern's semantics: maps and lists print as JSON, {@code tojson}
 * works, a syntax error names the template, and an undefined name is empty (lax) or an error
 * naming it (strict). The Jinjava engines are shared and thread-safe; every call renders afresh.
 *
 * <p>Strict mode counts a variable whose value is null as undefined (Jinjava cannot tell them apart).
 */
public final class TemplateRenderer {

    private static final String UNKNOWN_TOKEN = "Unknown token found: ";
    // Nested interpretation off: a value that contains "{{ ... }}" (page text, a user's parameter) is data,
    // never a template, as in Jinja2. Jinjava would otherwise evaluate it.
    private static final Jinjava LAX_ENGINE = new Jinjava(JinjavaConfig.newBuilder().withFailOnUnknownTokens(false)
            .withNestedInterpretationEnabled(false).build());
    private static final Jinjava STRICT_ENGINE = new Jinjava(JinjavaConfig.newBuilder().withFailOnUnknownTokens(true)
            .withNestedInterpretationEnabled(false).build());
    private static final TemplateRenderer LAX = new TemplateRenderer(TemplateMode.LAX);
    private static final TemplateRenderer STRICT = new TemplateRenderer(TemplateMode.STRICT);

    private final TemplateMode mode;

    private TemplateRenderer(TemplateMode mode) {
        this.mode = mode;
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
        if (!isTemplate(template)) {
            return template;
        }
        Map<String, Object> context = new HashMap<>();
        values.forEach((k, v) -> context.put(k, JsonText.wrap(v)));
        Jinjava engine = mode == TemplateMode.STRICT ? STRICT_ENGINE : LAX_ENGINE;
        RenderResult result = engine.renderForResult(template, context);
        List<TemplateError> fatal = result.getErrors().stream()
                .filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL)
                .toList();
        if (!fatal.isEmpty()) {
            throw toException(template, fatal.get(0));
        }
        return result.getOutput();
    }

    private static TemplateException toException(String template, TemplateError error) {
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
