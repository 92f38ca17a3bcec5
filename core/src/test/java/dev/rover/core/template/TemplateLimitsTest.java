package dev.rover.core.template;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Templates from a shared workflow can neither read resources nor run without bound. */
class TemplateLimitsTest {

    private final TemplateRenderer lax = TemplateRenderer.of(TemplateMode.LAX);
    private final TemplateRenderer strict = TemplateRenderer.of(TemplateMode.STRICT);

    @Test
    void includeImportFromAndExtendsCannotReadClasspathResources() {
        for (String template : List.of("{% include 'META-INF/MANIFEST.MF' %}", "{% import 'META-INF/MANIFEST.MF' as m %}",
                "{% from 'META-INF/MANIFEST.MF' import x %}", "{% extends 'META-INF/MANIFEST.MF' %}")) {
            for (TemplateRenderer renderer : List.of(lax, strict)) {
                assertThatThrownBy(() -> renderer.render(template, Map.of()))
                        .as(template).isInstanceOf(TemplateException.class)
                        .hasMessage("cannot render template '" + template + "' (line 1): InterpretException: "
                                + "'META-INF/MANIFEST.MF' was not loaded: templates cannot include, import or extend "
                                + "other templates (include, import, from and extends are disabled)");
            }
        }
    }

    @Test
    void nestedRangeLoopsStopAtTheIterationLimitQuickly() {
        String template = "{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}"
                + "{% endfor %}{% endfor %}{% endfor %}";
        long start = System.nanoTime();

        assertThatThrownBy(() -> lax.render(template, Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("rendering of template '{% for a in range(1000) %}{% for b in range(1000) %}{% fo...' "
                        + "was stopped: it ran more than 100000 loop iterations (the limit for one template)");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
    }

    @Test
    void loopsOverParameterValuesCountToo() {
        Map<String, Object> values = Map.of("rows", java.util.Collections.nCopies(400, 1));

        assertThatThrownBy(() -> lax.render("{% for a in rows %}{% for b in rows %}{% endfor %}{% endfor %}", values))
                .isInstanceOf(TemplateException.class)
                .hasMessageEndingWith("was stopped: it ran more than 100000 loop iterations (the limit for one template)");
        assertThat(lax.render("{% for a in rows %}{% if loop.last %}{{ loop.length }}{% endif %}{% endfor %}", values))
                .isEqualTo("400");
    }

    @Test
    void renderingStopsWhenTheRunEnds() {
        AtomicInteger asked = new AtomicInteger();
        // the run's deadline passes during the 50th iteration
        String template = "{% for a in range(10000) %}{{ a }}{% endfor %}";

        assertThatThrownBy(() -> lax.render(template, Map.of(), () -> asked.incrementAndGet() >= 50))
                .isInstanceOf(TemplateException.class)
                .hasMessage("rendering of template '" + template + "' was stopped: "
                        + "the run is ending (its time limit passed or it was canceled)");
        assertThat(asked).hasValue(50);
        assertThat(lax.render(template.replace("10000", "3"), Map.of(), () -> false)).isEqualTo("012");
    }

    @Test
    void outputIsBounded() {
        String template = "{% for a in range(10000) %}" + "x".repeat(200) + "{% endfor %}";

        assertThatThrownBy(() -> lax.render(template, Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("rendering of template '{% for a in range(10000) %}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' was "
                        + "stopped: its output exceeded 1000000 characters (the limit for one template)");
    }

    @Test
    void inspectionFindsSyntaxErrorsRefusedTagsAndNames() {
        assertThat(TemplateInspector.inspect("Go to {{ unclosed").errors())
                .containsExactly("template syntax error: '{{' or '{%' is not closed");
        assertThat(TemplateInspector.inspect("{% if ready %}yes").errors())
                .containsExactly("template syntax error: Missing end tag: endif for tag defined as: {% if ready %}");
        assertThat(TemplateInspector.inspect("{% endfor %}").errors())
                .containsExactly("template syntax error: '{% endfor %}' has no matching start tag");
        assertThat(TemplateInspector.inspect("{% include 'a.html' %}").errors()).containsExactly("'{% include %}' is not "
                + "allowed: templates cannot include, import or extend other templates (include, import, from and extends are disabled)");
        assertThat(TemplateInspector.inspect("{% if shop.open and not closed is defined %}{{ name | upper }}{% endif %}"
                + "{% for i, row in rows %}{{ i ~ row ~ other }}{{ loop.index }}{% endfor %}{% set q = w %}{{ q }}{{ d['k'] }}")
                .names()).containsExactly("shop", "closed", "name", "rows", "other", "w", "d");
        assertThat(TemplateInspector.inspect("plain text").names()).isEmpty();
    }
}
