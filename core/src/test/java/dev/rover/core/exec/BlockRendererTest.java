package dev.rover.core.exec;

import dev.rover.core.template.TemplateException;
import dev.rover.core.template.TemplateMode;

import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.definition.SourcePosition;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlockRendererTest {

    private final BlockRenderer renderer = BlockRenderer.of(TemplateMode.LAX);

    private static BlockDefinition block(Map<String, Object> fields, List<BlockDefinition> loopBlocks) {
        return new BlockDefinition("navigation", "nav", "next", true, false, null, fields, loopBlocks,
                new SourcePosition("wf.yaml", 3, 5), Map.of("navigation_goal", new SourcePosition("wf.yaml", 5, 22)));
    }

    @Test
    void rendersEveryStringInsideMapsAndListsAndKeepsOtherValues() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("navigation_goal", "Find {{ product }}");
        fields.put("max_steps_per_run", 10L);
        fields.put("complete_on_download", true);
        fields.put("parameter_keys", List.of("{{ key_name }}", "fixed"));
        fields.put("data_schema", Map.of("type", "object", "description", "about {{ product }}"));
        fields.put("nothing", null);
        BlockDefinition original = block(fields, List.of());

        BlockDefinition rendered = renderer.render(original, Map.of("product", "tea", "key_name", "login"));

        assertThat(rendered.fields()).containsEntry("navigation_goal", "Find tea")
                .containsEntry("max_steps_per_run", 10L)
                .containsEntry("complete_on_download", true)
                .containsEntry("parameter_keys", List.of("login", "fixed"))
                .containsEntry("data_schema", Map.of("type", "object", "description", "about tea"))
                .containsEntry("nothing", null);
        assertThat(rendered.label()).isEqualTo("nav");
        assertThat(rendered.nextBlockLabel()).isEqualTo("next");
        assertThat(rendered.continueOnFailure()).isTrue();
        assertThat(original.fields()).containsEntry("navigation_goal", "Find {{ product }}");
    }

    @Test
    void aRunThatIsEndingStopsRenderingWithTheBlockAndFieldNamed() {
        BlockDefinition looping = block(Map.of("navigation_goal", "{% for a in range(100) %}{{ a }}{% endfor %}"), List.of());

        assertThatThrownBy(() -> renderer.render(looping, Map.of(), () -> true))
                .isInstanceOf(TemplateException.class)
                .hasMessage("block 'nav', field 'navigation_goal' at wf.yaml:5:22: rendering of template "
                        + "'{% for a in range(100) %}{{ a }}{% endfor %}' was stopped: the run is ending "
                        + "(its time limit passed or it was canceled)");
        assertThat(renderer.render(looping, Map.of(), () -> false).fields().get("navigation_goal").toString())
                .startsWith("0123");
    }

    @Test
    void loopBlocksAreLeftForTheLoopToRender() {
        BlockDefinition inner = new BlockDefinition("goto_url", "open", null, false, false, null,
                Map.of("url", "{{ current_value }}"), List.of(), null, null);
        BlockDefinition loop = new BlockDefinition("for_loop", "each", null, false, false, null,
                Map.of("loop_variable_reference", "{{ urls }}"), List.of(inner), null, null);

        BlockDefinition rendered = renderer.render(loop, Map.of("urls", List.of("https://a.test")));

        assertThat(rendered.fields()).containsEntry("loop_variable_reference", "[\"https://a.test\"]");
        assertThat(rendered.loopBlocks()).containsExactly(inner);
    }

    @Test
    void aBareParameterKeyAsUrlResolvesToTheParameterValue() {
        Map<String, Object> values = Map.of("website_url", "https://shop.test/");

        assertThat(renderer.render(block(Map.of("url", "website_url"), List.of()), values).fields())
                .containsEntry("url", "https://shop.test/");
        assertThat(renderer.render(block(Map.of("url", " website_url "), List.of()), values).fields())
                .containsEntry("url", "https://shop.test/");
        assertThat(renderer.render(block(Map.of("url", "{{ website_url }}cart"), List.of()), values).fields())
                .containsEntry("url", "https://shop.test/cart");
        assertThat(renderer.render(block(Map.of("url", "localhost"), List.of()), values).fields())
                .as("an identifier that is not a parameter stays as written")
                .containsEntry("url", "localhost");
        assertThat(renderer.render(block(Map.of("title", "website_url"), List.of()), values).fields())
                .as("only url fields resolve bare keys")
                .containsEntry("title", "website_url");
    }

    @Test
    void anErrorNamesTheBlockTheFieldAndWhereItWasWritten() {
        BlockRenderer strict = BlockRenderer.of(TemplateMode.STRICT);

        assertThatThrownBy(() -> strict.render(block(Map.of("navigation_goal", "Find {{ prodct }}"), List.of()),
                Map.of("product", "tea")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("block 'nav', field 'navigation_goal' at wf.yaml:5:22: undefined variable 'prodct' in template 'Find {{ prodct }}'");
    }
}
