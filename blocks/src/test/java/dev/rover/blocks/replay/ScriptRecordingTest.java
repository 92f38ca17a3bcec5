package dev.rover.blocks.replay;

import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowLoader;
import dev.rover.core.engine.ActionRecord;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.RunSecrets;
import dev.rover.core.exec.RunServices;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.ScreenPoint;
import dev.rover.core.page.Screen;
import dev.rover.core.page.Target;
import dev.rover.core.run.CancellationToken;
import dev.rover.core.script.ElementFingerprint;
import dev.rover.core.script.ElementIdentity;
import dev.rover.core.script.ElementLocator;
import dev.rover.core.script.ScriptAction;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a recorded script holds for each value the agent used: a reference for a parameter, a credential field or an
 * earlier output, a literal only when the definition has it, and no script when a value has no source.
 */
class ScriptRecordingTest {

    private static final ElementIdentity FIELD = new ElementIdentity(
            new ElementLocator("f", "", "", "textbox", "Name", "Name", "", "", "", List.of()),
            new ElementFingerprint("input", "textbox", "Name", "Name", "", 0, 0), "http://127.0.0.1");

    private static final Workflow WORKFLOW = new WorkflowLoader().load("""
            title: t
            workflow_definition:
              parameters:
                - {key: name, parameter_type: workflow, workflow_parameter_type: string}
              blocks:
                - block_type: navigation
                  label: fill
                  navigation_goal: Enter "{{ name }}" into Name, choose "Priority mail" and press Enter.
            """, "t.yaml");

    private static final Map<String, Object> VALUES = Map.of("name", "Ada", "login", Map.of("password", "placeholder_ab12_password"),
            "lookup_output", Map.of("code", "X-42"), "full_name", "Ada Lovelace");

    private static List<ScriptAction> record(BrowserAction... actions) {
        List<ActionRecord> records = java.util.Arrays.stream(actions)
                .map(a -> new ActionRecord(1, a, "", ActionResult.ok().withElement(FIELD))).toList();
        return ScriptRecording.of(records, new ScriptValues(new Context(), WORKFLOW.blocks().get(0)), RunSecrets.NONE);
    }

    @Test
    void parametersCredentialsAndOutputsBecomeReferences() {
        List<ScriptAction> actions = record(new BrowserAction.InputText(Target.id("a1"), "Ada"),
                new BrowserAction.InputText(Target.id("a2"), "placeholder_ab12_password"),
                new BrowserAction.InputText(Target.id("a3"), "X-42"));
        assertThat(actions).extracting(ScriptAction::value).containsExactly("{{ name }}", "{{ login.password }}", "{{ lookup_output.code }}");
        assertThat(actions).allSatisfy(a -> assertThat(a.element()).isEqualTo(FIELD));
    }

    @Test
    void textOfTheDefinitionStaysLiteralAndPageActionsKeepTheirArguments() {
        List<ScriptAction> actions = record(new BrowserAction.SelectOption(Target.id("a1"), "Priority mail", null, null),
                new BrowserAction.Keypress(null, List.of("Enter")), new BrowserAction.Scroll(null, "down", 300));
        assertThat(actions.get(0).value()).isEqualTo("Priority mail");
        assertThat(actions.get(0).arguments()).containsEntry("by", "label");
        assertThat(actions.get(1).element()).isNull();
        assertThat(actions.get(1).arguments()).containsEntry("keys", List.of("Enter"));
        assertThat(actions.get(2).arguments()).containsEntry("direction", "down").containsEntry("pixels", 300);
    }

    @Test
    void whatThePageShowsKeepsNoParameterValue() {
        ElementIdentity remove = new ElementIdentity(
                new ElementLocator("remove-ada", "", "", "button", "Remove Ada", "", "", "#list > li:nth-of-type(2) > button", "/html[1]", List.of()),
                new ElementFingerprint("button", "button", "Remove Ada", "", "Ada Lovelace X-42 admin", 0, 0), "http://127.0.0.1");
        List<ScriptAction> actions = ScriptRecording.of(List.of(new ActionRecord(1, new BrowserAction.Click(Target.id("a1")), "",
                ActionResult.ok().withElement(remove))), new ScriptValues(new Context(), WORKFLOW.blocks().get(0)), RunSecrets.NONE);
        ElementIdentity stored = actions.get(0).element();
        assertThat(stored.locator().id()).as("an id holding a value is left out").isEmpty();
        assertThat(stored.locator().name()).isEmpty();
        assertThat(stored.locator().css()).isEqualTo("#list > li:nth-of-type(2) > button");
        assertThat(stored.fingerprint().name()).isEqualTo("Remove {{ name }}");
        assertThat(stored.fingerprint().nearbyText()).isEqualTo("{{ full_name }} {{ lookup_output.code }} admin");
    }

    @Test
    void aUrlKeepsNoParameterValue() {
        List<ScriptAction> actions = record(new BrowserAction.GotoUrl("https://shop.example/orders?code=X-42&user=Ada"),
                new BrowserAction.GotoUrl("https://shop.example/search?q=" + java.net.URLEncoder.encode("Ada Lovelace", java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(actions.get(0).value()).isEqualTo("https://shop.example/orders?code={{ lookup_output.code }}&user={{ name }}");
        assertThat(actions.get(1).value()).isEqualTo("https://shop.example/search?q={{ full_name | urlencode }}");
    }

    @Test
    void aValueWithNoSourceOrAPointerActionLeavesTheBlockUnrecorded() {
        assertThatThrownBy(() -> record(new BrowserAction.InputText(Target.id("a1"), "made up by the model")))
                .isInstanceOf(ScriptValues.Unrecordable.class)
                .hasMessage("the text typed by action 1 (input_text) came from neither a parameter, a credential, an earlier output "
                        + "nor the block's definition, so a replay could not reproduce it");
        assertThatThrownBy(() -> record(new BrowserAction.ClickAt(new ScreenPoint(3, 4), "left", 1, new Screen(100, 100))))
                .hasMessage("action 1 (click) is a computer-use action at a point of the screen, which a script cannot replay");
    }

    /** A block context with the test's values; nothing else is used by recording. */
    private static final class Context implements BlockContext {
        public String runId() { return "wr_test"; }
        public Workflow workflow() { return WORKFLOW; }
        public Map<String, Object> values() { return VALUES; }
        public String render(String template) { return template; }
        public CancellationToken cancellation() { return new CancellationToken(); }
        public Instant deadline() { return null; }
        public RunServices services() { return RunServices.NONE; }
        public BlockResult runNested(List<BlockDefinition> blocks, Map<String, Object> extraValues) { return null; }
    }
}
