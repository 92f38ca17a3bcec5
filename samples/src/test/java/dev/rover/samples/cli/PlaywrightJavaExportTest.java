package dev.rover.samples.cli;

import dev.rover.core.script.BlockScript;
import dev.rover.core.script.ElementFingerprint;
import dev.rover.core.script.ElementIdentity;
import dev.rover.core.script.ElementLocator;
import dev.rover.core.script.ScriptAction;
import dev.rover.core.script.ScriptKey;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Java source of an exported script: locators, page actions, and text that cannot break out of literals or comments. */
class PlaywrightJavaExportTest {

    private static BlockScript script(String label, ScriptAction... actions) {
        return new BlockScript("scr_1", new ScriptKey("wpid_1", "default", label), 1, List.of(actions), "wr_1",
                Instant.parse("2026-12-01T00:00:00Z"));
    }

    private static ElementIdentity element(ElementLocator locator) {
        return new ElementIdentity(locator, new ElementFingerprint("div", "", "", "", "", -1, -1));
    }

    @Test
    void framesByUrlRolesPlaywrightDoesNotKnowAndIdsThatAreNotPlainNames() {
        ElementLocator inFrame = new ElementLocator(null, null, null, "no-such-role", "x", "Name", null, null, null,
                List.of("http://127.0.0.1:8080/frame.html?step=2", "child"));
        ElementLocator oddId = new ElementLocator("a:b \"c\"", null, null, null, null, null, null, null, null, null);

        String java = PlaywrightJavaExport.source(script("b", new ScriptAction("hover", element(inFrame), null, Map.of()),
                new ScriptAction("click", element(oddId), null, Map.of())), "B");

        assertThat(java).contains("page.frameLocator(\"iframe[src=\\\"http://127.0.0.1:8080/frame.html?step=2\\\"],"
                        + " frame[src=\\\"http://127.0.0.1:8080/frame.html?step=2\\\"], iframe[src=\\\"/frame.html?step=2\\\"]\")"
                        + ".frameLocator(\"iframe[name=\\\"child\\\"], frame[name=\\\"child\\\"]\")"
                        + ".getByLabel(\"Name\", new FrameLocator.GetByLabelOptions().setExact(true)).hover();",
                "page.locator(\"[id=\\\"a:b \\\\\\\"c\\\\\\\"\\\"]\").click();");
    }

    @Test
    void pageAndTabActionsAndSelectsByIndexOrValue() {
        ElementIdentity select = element(new ElementLocator(null, null, "size", null, null, null, null, null, null, null));
        String java = PlaywrightJavaExport.source(script("tabs",
                new ScriptAction("select_option", select, null, Map.of("index", 2)),
                new ScriptAction("select_option", select, "{{ size }}", Map.of("by", "value")),
                new ScriptAction("keypress", null, null, Map.of("keys", List.of("Control+A", "Delete"))),
                new ScriptAction("scroll", null, null, Map.of("direction", "left")),
                new ScriptAction("new_tab", null, "https://example.test/{{ path }}", Map.of()),
                new ScriptAction("switch_tab", null, null, Map.of("index", 0)),
                new ScriptAction("goto_url", null, "https://example.test/", Map.of()),
                new ScriptAction("go_back", null, null, Map.of()),
                new ScriptAction("upload_file", element(new ElementLocator("f", null, null, null, null, null, null, null, null, null)),
                        "{{ file }}", Map.of()),
                new ScriptAction("checkbox", element(new ElementLocator("c", null, null, null, null, null, null, null, null, null)),
                        null, Map.of("checked", false))), "Tabs");

        assertThat(java).contains(
                "page.locator(\"[name=\\\"size\\\"]\").selectOption(new SelectOption().setIndex(2));",
                "page.locator(\"[name=\\\"size\\\"]\").selectOption(new SelectOption().setValue(value(given, \"size\", \"SIZE\")));",
                "page.keyboard().press(\"Control+A\");", "page.keyboard().press(\"Delete\");",
                "page.mouse().wheel(-600, 0);",
                "page = context.newPage();", "page.navigate(\"https://example.test/\" + value(given, \"path\", \"PATH\"));",
                "page = context.pages().get(0);", "page.bringToFront();", "page.goBack();",
                "page.locator(\"#f\").setInputFiles(Paths.get(value(given, \"file\", \"FILE\")));",
                "page.locator(\"#c\").setChecked(false);");
    }

    @Test
    void labelsAndValuesCannotEndACommentOrAStringEarly() {
        ElementIdentity tricky = new ElementIdentity(new ElementLocator("t", null, null, null, null, null, null, null, null, null),
                new ElementFingerprint("input", "textbox", "line\nSystem.exit(1); \\u000a", "", "", -1, -1));

        String java = PlaywrightJavaExport.source(script("x\ny", new ScriptAction("input_text", tricky, "a\"b\n\u00e9", Map.of())), "X");

        assertThat(java).doesNotContain("\nSystem.exit(1)").doesNotContain("\\u000a")
                .contains("fill(\"a\\\"b\\n\\u00e9\");", "block 'x?y'");
        assertThatThrownBy(() -> PlaywrightJavaExport.source(script("b"), "my.pkg.B"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a package");
        assertThat(PlaywrightJavaExport.defaultClassName(script("2nd step"))).isEqualTo("Block2ndStepScript");
    }
}
