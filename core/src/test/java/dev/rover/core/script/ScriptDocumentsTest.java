package dev.rover.core.script;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rover.core.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Script documents: the same script through JSON and YAML, empty fields left out, edits validated by field path. */
class ScriptDocumentsTest {

    static BlockScript sample() {
        ElementIdentity email = new ElementIdentity(
                new ElementLocator("email", "", "email", "textbox", "Email", "Email", "you@example.com", "#signup > input:nth-of-type(1)",
                        "/html/body/form/input[1]", List.of("checkout")),
                new ElementFingerprint("input", "textbox", "Email", "Email", "Sign up for news", 0.25, 0.4));
        ElementIdentity country = new ElementIdentity(
                new ElementLocator("", "", "country", "combobox", "Country", "", "", "", "", List.of()),
                new ElementFingerprint("select", "combobox", "Country", "", "", -1, -1));
        ElementIdentity send = new ElementIdentity(
                new ElementLocator("", "send-button", "", "button", "Send", "", "", "", "", List.of()),
                new ElementFingerprint("button", "button", "Send", "", "", 0.5, 0.9));
        return new BlockScript("scr_1", new ScriptKey("wpid_1", "default:example.com", "signup"), 3, List.of(
                new ScriptAction("input_text", email, "{{ email }}", Map.of()),
                new ScriptAction("select_option", country, "Japan", Map.of("by", "label")),
                new ScriptAction("keypress", null, null, Map.of("keys", List.of("Tab"))),
                new ScriptAction("scroll", null, null, Map.of("direction", "down", "pixels", 400)),
                new ScriptAction("click", send, null, Map.of())),
                "wr_9", Instant.parse("2026-12-01T10:15:30.123Z"));
    }

    @Test
    void jsonAndYamlBothReadBackTheSameScript() throws Exception {
        BlockScript script = sample();

        String json = Json.compact(ScriptDocuments.toMap(script));
        Object fromJson = Json.mapper().readValue(json, new TypeReference<Map<String, Object>>() { });
        String yaml = ScriptDocuments.toYaml(script);

        assertThat(ScriptDocuments.fromStored(fromJson, "json")).usingRecursiveComparison()
                .withEqualsForType((a, b) -> ((Number) a).longValue() == ((Number) b).longValue(), Integer.class)
                .isEqualTo(script);
        BlockScript fromYaml = ScriptDocuments.fromYaml(yaml, "script.yaml");
        assertThat(ScriptDocuments.actionsToList(fromYaml.actions())).isEqualTo(ScriptDocuments.actionsToList(script.actions()));
        assertThat(fromYaml.key()).isEqualTo(script.key());
        assertThat(fromYaml.revision()).isEqualTo(3);
        assertThat(fromYaml.createdAt()).isEqualTo(script.createdAt());
        assertThat(fromYaml.sourceRunId()).isEqualTo("wr_9");
        assertThat(fromYaml.actions().get(0).element().locator().framePath()).containsExactly("checkout");
        assertThat(fromYaml.actions().get(0).element().fingerprint().relativeX()).isEqualTo(0.25);
        assertThat(fromYaml.actions().get(1).element().fingerprint().relativeX()).as("unknown position").isEqualTo(-1);
    }

    @Test
    void yamlUsesTheStableFieldNamesAndLeavesEmptyFieldsOut() {
        String yaml = ScriptDocuments.toYaml(sample());

        assertThat(yaml).contains("script_id: scr_1", "workflow: wpid_1", "cache_key: default:example.com",
                "block_label: signup", "revision: 3", "source_run_id: wr_9", "accessible_name: Email", "test_id: send-button",
                "nearby_text: Sign up for news", "frame_path:", "x: 0.25", "value: '{{ email }}'", "pixels: 400");
        assertThat(yaml).contains("created_at: '2026-12-01T10:15:30.123Z'");
        // the country select has no id, label, placeholder, css, xpath or position
        String country = yaml.substring(yaml.indexOf("type: select_option"), yaml.indexOf("type: keypress"));
        assertThat(country).doesNotContain("id:", "label: ''", "placeholder", "css", "xpath", " x:", " y:", "frame_path", "nearby_text");
        assertThat(yaml).doesNotContain("null", "''", "{}", "[]");
    }

    @Test
    void equalActionsGiveEqualDocumentsWhateverTheirNumberTypes() {
        ScriptAction a = new ScriptAction("scroll", null, null, Map.of("direction", "down", "pixels", 400));
        ScriptAction b = new ScriptAction("scroll", null, null, Map.of("pixels", 400L, "direction", "down"));

        assertThat(ScriptDocuments.actionsToList(List.of(a))).isEqualTo(ScriptDocuments.actionsToList(List.of(b)));
    }

    @Test
    void anEditedScriptReadsBackWithTheEdits() {
        String edited = ScriptDocuments.toYaml(sample()).replace("value: Japan", "value: France");

        BlockScript script = ScriptDocuments.fromYaml(edited, "edited.yaml");

        assertThat(script.actions().get(1).value()).isEqualTo("France");
        assertThat(script.actions().get(1).arguments()).containsEntry("by", "label");
    }

    @Test
    void anUnknownActionTypeIsNamedByItsPathWithTheTypesAllowed() {
        String edited = ScriptDocuments.toYaml(sample()).replace("type: keypress", "type: clik");

        assertThatThrownBy(() -> ScriptDocuments.fromYaml(edited, "edited.yaml"))
                .isInstanceOf(InvalidScriptException.class)
                .hasMessage("edited.yaml: actions[2].type: unknown action type 'clik'; expected one of checkbox, click, go_back,"
                        + " goto_url, hover, input_text, keypress, new_tab, scroll, select_option, switch_tab, upload_file, wait");
    }

    @Test
    void everyProblemOfADocumentIsReportedWithItsPath() {
        String yaml = """
                script_id: scr_1
                workflow: wpid_1
                cache_key: default
                revision: 0
                created_at: yesterday
                colour: blue
                actions:
                  - type: click
                  - type: input_text
                    element:
                      locator: {}
                      fingerprint: {tag: input, x: 2}
                  - type: scroll
                    arguments: {direction: sideways, pixels: -3, speed: 2}
                  - type: goto_url
                    value: https://example.com
                    element: {locator: {id: a}, fingerprint: {tag: a}}
                  - type: checkbox
                    element: {locator: {id: agree}, fingerprint: {tag: input}}
                    arguments: {checked: maybe}
                  - just text
                """;

        assertThatThrownBy(() -> ScriptDocuments.fromYaml(yaml, "s.yaml"))
                .isInstanceOfSatisfying(InvalidScriptException.class, e -> assertThat(e.problems()).containsExactly(
                        "colour: unknown field; expected one of script_id, workflow, cache_key, block_label, revision,"
                                + " source_run_id, created_at, actions",
                        "block_label: missing",
                        "revision: expected a whole number of at least 1, got a number 0",
                        "created_at: expected an ISO-8601 instant such as 2026-01-31T12:00:00Z, got 'yesterday'",
                        "actions[0].element: missing; a click action needs the element it acts on",
                        "actions[1].element.locator: no way to find the element; give at least one of id, test_id, name,"
                                + " css, role with accessible_name, label, placeholder, xpath",
                        "actions[1].element.fingerprint.x: expected a fraction of the page from 0 to 1, got a number 2",
                        "actions[1].value: missing; an input_text action needs the text to type",
                        "actions[2].arguments.speed: unknown field; expected one of checked, keys, direction, pixels,"
                                + " seconds, index, by",
                        "actions[2].arguments.direction: expected one of up, down, left, right, got 'sideways'",
                        "actions[2].arguments.pixels: expected a whole number of at least 0, got a number -3",
                        "actions[3].element: a goto_url action acts on the page, not on an element; remove it",
                        "actions[4].arguments.checked: expected true or false, got 'maybe'",
                        "actions[5]: expected a map, got text"))
                .hasMessageStartingWith("s.yaml has 14 problems:\n  colour: unknown field");
    }

    @Test
    void syntaxErrorsAndEmptyDocumentsAreClear() {
        assertThatThrownBy(() -> ScriptDocuments.fromYaml("script_id: [a\nworkflow: b\n", "bad.yaml"))
                .isInstanceOf(InvalidScriptException.class)
                .hasMessageStartingWith("bad.yaml: line ").hasMessageContaining("syntax error");
        assertThatThrownBy(() -> ScriptDocuments.fromYaml("  \n", "empty.yaml"))
                .hasMessageStartingWith("empty.yaml: the document is empty");
        assertThatThrownBy(() -> ScriptDocuments.fromYaml("- a\n- b\n", "list.yaml"))
                .hasMessage("list.yaml: document: expected a map, got a list");
        assertThatThrownBy(() -> ScriptDocuments.fromYaml("a: 1\na: 2\n", "dup.yaml"))
                .hasMessageContaining("dup.yaml: line 2").hasMessageContaining("duplicate key a");
    }

    @Test
    void storedDocumentsReadBackEvenWhereAPersonWouldBeAskedForMore() {
        BlockScript bare = new BlockScript("scr_2", new ScriptKey("sha256:ab", "", "b"), 1, List.of(
                new ScriptAction("click", new ElementIdentity(new ElementLocator(null, null, null, null, null, null, null, null, null, null),
                        new ElementFingerprint(null, null, null, null, null, -1, -1)), null, Map.of("custom", "x")),
                new ScriptAction("input_text", null, "", Map.of())), null, Instant.parse("2026-01-01T00:00:00Z"));

        BlockScript back = ScriptDocuments.fromStored(ScriptDocuments.toMap(bare), "stored");

        assertThat(back).isEqualTo(bare);
        assertThatThrownBy(() -> ScriptDocuments.fromMap(ScriptDocuments.toMap(bare), "edited"))
                .isInstanceOf(InvalidScriptException.class).hasMessageContaining("actions[0].element.locator: missing");
    }
}
