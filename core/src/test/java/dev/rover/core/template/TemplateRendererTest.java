package dev.rover.core.template;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateRendererTest {

    private final TemplateRenderer lax = TemplateRenderer.of(TemplateMode.LAX);
    private final TemplateRenderer strict = TemplateRenderer.of(TemplateMode.STRICT);

    @Test
    void templateSyntaxInsideAValueIsDataNeverEvaluated() {
        Map<String, Object> values = Map.of("page_text", "{{ 7 * 7 }} and {% if true %}x{% endif %}");

        assertThat(lax.render("Goal: {{ page_text }}", values)).isEqualTo("Goal: {{ 7 * 7 }} and {% if true %}x{% endif %}");
        assertThat(strict.render("Goal: {{ page_text }}", values)).isEqualTo("Goal: {{ 7 * 7 }} and {% if true %}x{% endif %}");
    }

    @Test
    void aPlainReferenceRendersLikeTheEngineDoes() {
        Map<String, Object> values = Map.of("name", "Ada {{ 7 * 7 }}", "count", 3, "address", Map.of("city", "Paris"));

        for (TemplateRenderer renderer : List.of(lax, strict)) {
            assertThat(renderer.render("{{ name }}", values)).isEqualTo("Ada {{ 7 * 7 }}");
            assertThat(renderer.render("{{name}}", values)).isEqualTo("Ada {{ 7 * 7 }}");
            assertThat(renderer.render("{{ count }}", values)).isEqualTo("3");
            assertThat(renderer.render("{{ address }}", values)).isEqualTo("{\"city\":\"Paris\"}");
        }
        assertThat(lax.render("{{ missing }}", values)).isEmpty();
        assertThatThrownBy(() -> strict.render("{{ missing }}", values)).isInstanceOf(TemplateException.class);
    }

    @Test
    void parametersRender() {
        assertThat(lax.render("Search for {{ product }} under {{ price }}", Map.of("product", "shoes", "price", 50)))
                .isEqualTo("Search for shoes under 50");
    }

    @Test
    void mapsAndListsRenderAsJson() {
        Map<String, Object> values = Map.of("orders", List.of(Map.of("id", "1")),
                "address", Map.of("city", "Paris"));

        assertThat(lax.render("{{ orders }}", values)).isEqualTo("[{\"id\":\"1\"}]");
        assertThat(lax.render("ship to {{ address }}", values)).isEqualTo("ship to {\"city\":\"Paris\"}");
        assertThat(lax.render("{{ orders[0] }}", values)).isEqualTo("{\"id\":\"1\"}");
    }

    @Test
    void mapsStayMapsForAttributeAccessLoopsAndFilters() {
        Map<String, Object> values = Map.of("orders", List.of(Map.of("id", "1"), Map.of("id", "2")),
                "m", Map.of("a", 1));

        assertThat(lax.render("{{ orders[1].id }}", values)).isEqualTo("2");
        assertThat(lax.render("{% for o in orders %}{{ o.id }};{% endfor %}", values)).isEqualTo("1;2;");
        assertThat(lax.render("{{ orders | length }}", values)).isEqualTo("2");
        assertThat(lax.render("{% for k, v in m.items() %}{{ k }}={{ v }}{% endfor %}", values)).isEqualTo("a=1");
    }

    @Test
    void tojsonQuotesStringsAndWritesMaps() {
        Map<String, Object> values = Map.of("s", "say \"hi\"", "m", Map.of("k", List.of(1, 2)));

        assertThat(lax.render("{{ s | tojson }}", values)).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(lax.render("{{ m | tojson }}", values)).isEqualTo("{\"k\":[1,2]}");
    }

    @Test
    void laxRendersUndefinedNamesAsEmpty() {
        assertThat(lax.render("Filter [{{ start_dat }}] [{{ a.b.c }}]", Map.of())).isEqualTo("Filter [] []");
    }

    @Test
    void strictFailsNamingTheMissingVariableAndTheTemplate() {
        assertThatThrownBy(() -> strict.render("Filter {{ start_dat }}", Map.of("start_date", "2024")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("undefined variable 'start_dat' in template 'Filter {{ start_dat }}'")
                .satisfies(e -> assertThat(((TemplateException) e).variable()).isEqualTo("start_dat"));
        assertThat(strict.render("Filter {{ start_date }}", Map.of("start_date", "2024"))).isEqualTo("Filter 2024");
    }

    @Test
    void aSyntaxErrorNamesTheTemplateInBothModes() {
        for (TemplateRenderer renderer : List.of(lax, strict)) {
            assertThatThrownBy(() -> renderer.render("Go to {% if %}", Map.of()))
                    .isInstanceOf(TemplateException.class)
                    .hasMessageStartingWith("cannot render template 'Go to {% if %}'");
            assertThatThrownBy(() -> renderer.render("{{ a b }}", Map.of()))
                    .hasMessageStartingWith("cannot render template '{{ a b }}'");
        }
    }

    @Test
    void textWithoutMarkupIsReturnedAsIs() {
        assertThat(lax.render("plain {text}", Map.of())).isEqualTo("plain {text}");
        assertThat(TemplateRenderer.isTemplate("a {{ b }}")).isTrue();
        assertThat(TemplateRenderer.isTemplate("a { b }")).isFalse();
    }

    @Test
    void nullValuesRenderEmptyInLaxMode() {
        Map<String, Object> values = new HashMap<>();
        values.put("nothing", null);
        assertThat(lax.render("[{{ nothing }}]", values)).isEqualTo("[]");
    }

    @Test
    void theSharedEngineRendersConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> jobs = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                jobs.add(() -> lax.render("{{ n }}-{{ l }}", Map.of("n", n, "l", List.of(n))));
            }
            List<Future<String>> results = pool.invokeAll(jobs);
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(i + "-[" + i + "]");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void blockOutputsAreVisibleUnderBothNames() {
        Map<String, Object> values = new HashMap<>(TemplateValues.blockOutput("extract", Map.of("price", 3)));
        values.putAll(TemplateValues.blockOutput("note", "hello"));

        assertThat(lax.render("{{ extract_output.price }} {{ extract.price }} {{ extract.output.price }}", values))
                .isEqualTo("3 3 3");
        assertThat(lax.render("{{ note_output }} {{ note.output }}", values)).isEqualTo("hello hello");
    }
}
