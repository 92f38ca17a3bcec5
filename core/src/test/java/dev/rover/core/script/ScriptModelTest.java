package dev.rover.core.script;

import dev.rover.core.store.InMemoryScriptStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The script model: locator strategies in order, the fingerprint check, revisions in memory, and the YAML people read. */
class ScriptModelTest {

    private static final ElementFingerprint SAVE = new ElementFingerprint("button", "button", "Save", "", "Invoice 7 Approve Save", 0.4, 0.5);

    @Test
    void strategiesRunFromTheMostSpecificToTheLoosestAndSkipWhatIsMissing() {
        ElementLocator locator = new ElementLocator("save", "", "action", "button", "Save", "", "", "#f > button", "/html[1]/body[1]", null);
        assertThat(locator.strategies()).extracting(ElementLocator.Strategy::kind).containsExactly("id", "name", "css", "role", "xpath");
        assertThat(locator.strategies().get(3).value()).isEqualTo("button|Save");
        assertThat(new ElementLocator(null, null, null, "button", "", null, null, null, null, null).isEmpty()).isTrue();
    }

    @Test
    void theSameControlMatchesDespiteCaseSpacingAndAMovedLayout() {
        ElementFingerprint moved = new ElementFingerprint("BUTTON", "button", " save ", "", "Invoice 7   Approve Save Notes", 0.9, 0.1);
        assertThat(SAVE.differenceFrom(moved)).isNull();
    }

    @Test
    void anotherControlIsNamedInTheDifference() {
        assertThat(SAVE.differenceFrom(new ElementFingerprint("button", "button", "Cancel", "", "Invoice 7", 0, 0)))
                .isEqualTo("expected button 'Save' but found 'Cancel'");
        assertThat(SAVE.differenceFrom(new ElementFingerprint("a", "link", "Save", "", "", 0, 0)))
                .isEqualTo("expected a <button> but found a <a>");
        assertThat(SAVE.differenceFrom(new ElementFingerprint("button", "button", "Save", "", "Invoice 8 Approve Save", 0, 0)))
                .as("the same button in another row").contains("near 'Invoice 7 Approve Save'");
        ElementFingerprint alice = new ElementFingerprint("button", "button", "Delete", "", "Alice Smith Delete", 0, 0);
        assertThat(alice.differenceFrom(new ElementFingerprint("button", "button", "Delete", "", "Bob Delete", 0, 0)))
                .as("the button's own name does not make two rows alike").isNotNull();
        assertThat(alice.differenceFrom(new ElementFingerprint("button", "button", "Delete", "", "Alice Jones Delete", 0, 0))).isNotNull();
        assertThat(alice.differenceFrom(new ElementFingerprint("button", "button", "Delete", "", "Alice Smith admin Delete", 0, 0)))
                .as("a row that gained a column").isNull();
    }

    @Test
    void anUnknownActionTypeIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> new ScriptAction("clik", null, null, Map.of()))
                .hasMessageStartingWith("a script cannot hold a 'clik' action; it holds [checkbox, click,");
    }

    @Test
    void equalActionsKeepTheRevisionAndChangedOnesAddOne() {
        InMemoryScriptStore store = new InMemoryScriptStore(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
        ScriptKey key = new ScriptKey("sha256:abc", "default", "fill");
        ElementIdentity save = new ElementIdentity(new ElementLocator("save", "", "", "button", "Save", "", "", "", "", List.of()), SAVE,
                "http://127.0.0.1:8080");
        List<ScriptAction> first = List.of(new ScriptAction("click", save, null, Map.of()));
        BlockScript one = store.save(key, first, "wr_1");
        assertThat(one.revision()).isEqualTo(1);
        assertThat(one.scriptId()).startsWith("scr_");
        assertThat(store.save(key, first, "wr_2")).isEqualTo(one);
        List<ScriptAction> second = List.of(new ScriptAction("input_text", save, "{{ name }}", Map.of()), first.get(0));
        BlockScript two = store.save(key, second, "wr_3");
        assertThat(two.scriptId()).isEqualTo(one.scriptId());
        assertThat(two.revision()).isEqualTo(2);
        assertThat(store.latest(key)).contains(two);
        assertThat(store.revisions(one.scriptId())).extracting(BlockScript::revision).containsExactly(1, 2);
        assertThat(store.latest(new ScriptKey("sha256:abc", "other", "fill"))).isEmpty();

        String yaml = ScriptDocuments.yaml(List.of(two));
        assertThat(yaml).contains("script_id: " + two.scriptId()).contains("revision: 2").contains("type: input_text")
                .contains("value: '{{ name }}'").contains("origin: http://127.0.0.1:8080").contains("accessible_name: Save");
        assertThat(store.delete(one.scriptId())).isTrue();
        assertThat(store.find(one.scriptId())).isEmpty();
    }
}
