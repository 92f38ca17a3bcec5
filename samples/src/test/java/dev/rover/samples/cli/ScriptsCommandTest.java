package dev.rover.samples.cli;

import dev.rover.core.script.BlockScript;
import dev.rover.core.script.ElementFingerprint;
import dev.rover.core.script.ElementIdentity;
import dev.rover.core.script.ElementLocator;
import dev.rover.core.script.ScriptAction;
import dev.rover.core.script.ScriptKey;
import dev.rover.core.store.JdbcRunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code rover scripts list/show/save/delete/export} on scripts stored in the data directory's run database. */
class ScriptsCommandTest {

    static final ScriptKey SIGNUP = new ScriptKey("wpid_signup", "default:shop.test", "sign_up");
    static final ScriptKey LOGIN = new ScriptKey("sha256:4be1", "default:shop.test", "login");

    @TempDir
    Path tmp;

    private Path home() {
        return tmp.resolve("home");
    }

    private CliHarness cli() {
        return new CliHarness(home(), Map.of());
    }

    static ScriptAction fill(String id, String value) {
        return new ScriptAction("input_text", new ElementIdentity(new ElementLocator(id, null, null, null, null, null, null, null, null, null),
                new ElementFingerprint("input", "textbox", id, id, "", -1, -1)), value, Map.of());
    }

    static ScriptAction click(String name) {
        return new ScriptAction("click", new ElementIdentity(new ElementLocator(null, null, null, "button", name, null, null, null, null, null),
                new ElementFingerprint("button", "button", name, "", "", 0.5, 0.5)), null, Map.of());
    }

    /** Stores scripts the way a recording run does, straight into the data directory's database. */
    private BlockScript record(ScriptKey key, List<ScriptAction> actions, String runId) {
        try (JdbcRunStore store = JdbcRunStore.open(home())) {
            return store.scripts().save(key, actions, runId);
        }
    }

    @Test
    void listShowsEachScriptsNewestRevisionWithItsKeyAndSize() {
        CliHarness cli = cli();
        assertThat(cli.run("scripts", "list").out()).startsWith("no scripts in ");

        BlockScript signup = record(SIGNUP, List.of(fill("email", "{{ email }}")), "wr_1");
        record(SIGNUP, List.of(fill("email", "{{ email }}"), click("Send")), "wr_2");
        BlockScript login = record(LOGIN, List.of(fill("user", "{{ login.username }}")), "wr_3");

        CliHarness.Result listed = cli.run("scripts", "list");

        assertThat(listed.exitCode()).as(listed.err()).isEqualTo(0);
        List<String> lines = listed.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("ID", "WORKFLOW", "CACHE_KEY", "BLOCK", "REVISION", "ACTIONS", "UPDATED");
        assertThat(lines.get(1).split("\\s+")).startsWith(login.scriptId(), "sha256:4be1", "default:shop.test", "login", "1", "1");
        assertThat(lines.get(2).split("\\s+")).startsWith(signup.scriptId(), "wpid_signup", "default:shop.test", "sign_up", "2", "2");
        assertThat(lines.get(2)).matches(".*\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$");
    }

    @Test
    void showPrintsTheNewestOrAGivenRevisionAsYaml() {
        BlockScript first = record(SIGNUP, List.of(fill("email", "{{ email }}")), "wr_1");
        record(SIGNUP, List.of(fill("email", "{{ email }}"), click("Send")), "wr_2");
        CliHarness cli = cli();

        CliHarness.Result newest = cli.run("scripts", "show", first.scriptId());
        CliHarness.Result old = cli.run("scripts", "show", first.scriptId(), "--revision", "1");

        assertThat(newest.exitCode()).as(newest.err()).isEqualTo(0);
        assertThat(newest.out()).contains("script_id: " + first.scriptId(), "workflow: wpid_signup", "block_label: sign_up",
                "revision: 2", "source_run_id: wr_2", "type: click", "accessible_name: Send", "value: '{{ email }}'");
        assertThat(old.out()).contains("revision: 1", "source_run_id: wr_1").doesNotContain("type: click");
    }

    @Test
    void unknownIdsAndRevisionsAreUsageErrors() {
        BlockScript script = record(SIGNUP, List.of(fill("email", "{{ email }}")), "wr_1");
        CliHarness cli = cli();

        CliHarness.Result show = cli.run("scripts", "show", "scr_nope");
        CliHarness.Result revision = cli.run("scripts", "show", script.scriptId(), "--revision", "7");
        CliHarness.Result delete = cli.run("scripts", "delete", "scr_nope");
        CliHarness.Result export = cli.run("scripts", "export", "scr_nope", "--java");
        CliHarness.Result save = cli.run("scripts", "save", "scr_nope", tmp.resolve("missing.yaml").toString());

        assertThat(show.exitCode()).isEqualTo(2);
        assertThat(show.err()).contains("no script 'scr_nope' in ").contains("rover scripts list").doesNotContain("Exception");
        assertThat(revision.exitCode()).isEqualTo(2);
        assertThat(revision.err()).contains("script " + script.scriptId() + " has no revision 7; it has revisions 1");
        assertThat(delete.exitCode()).isEqualTo(2);
        assertThat(delete.err()).contains("no script 'scr_nope'");
        assertThat(export.exitCode()).isEqualTo(2);
        assertThat(export.err()).contains("no script 'scr_nope'");
        assertThat(save.exitCode()).isEqualTo(2);
        assertThat(save.err()).contains("cannot read ").contains("missing.yaml");
    }

    @Test
    void deleteRemovesEveryRevision() {
        BlockScript script = record(SIGNUP, List.of(fill("email", "{{ email }}")), "wr_1");
        record(SIGNUP, List.of(click("Send")), "wr_2");
        CliHarness cli = cli();

        CliHarness.Result deleted = cli.run("scripts", "delete", script.scriptId());

        assertThat(deleted.exitCode()).as(deleted.err()).isEqualTo(0);
        assertThat(deleted.out()).isEqualTo("deleted " + script.scriptId() + " (2 revisions)" + System.lineSeparator());
        assertThat(cli.run("scripts", "show", script.scriptId()).exitCode()).isEqualTo(2);
        try (JdbcRunStore store = JdbcRunStore.open(home())) {
            assertThat(store.scripts().latest(SIGNUP)).isEmpty();
        }
    }

    @Test
    void anEditedScriptIsStoredAsTheNextRevisionAndReplayedFromThere() throws IOException {
        BlockScript script = record(SIGNUP, List.of(fill("email", "{{ email }}"), click("Send")), "wr_1");
        CliHarness cli = cli();
        String yaml = cli.run("scripts", "show", script.scriptId()).out();
        Path edited = Files.writeString(tmp.resolve("edited.yaml"), yaml.replace("accessible_name: Send", "accessible_name: Submit"));

        CliHarness.Result saved = cli.run("scripts", "save", script.scriptId(), edited.toString());
        CliHarness.Result again = cli.run("scripts", "save", script.scriptId(), edited.toString());

        assertThat(saved.exitCode()).as(saved.err()).isEqualTo(0);
        assertThat(saved.out()).contains("saved " + script.scriptId() + " revision 2 (2 actions)");
        assertThat(again.exitCode()).as(again.err()).isEqualTo(0);
        assertThat(again.out()).contains("unchanged: " + script.scriptId() + " revision 2");
        try (JdbcRunStore store = JdbcRunStore.open(home())) {
            BlockScript latest = store.scripts().latest(SIGNUP).orElseThrow();
            assertThat(latest.revision()).isEqualTo(2);
            assertThat(latest.actions().get(1).element().locator().name()).isEqualTo("Submit");
            assertThat(latest.sourceRunId()).as("no run recorded a hand edit").isNull();
        }
        // the file still says revision 1, older than the newest now: a third save would undo nothing blindly
        Path stale = Files.writeString(tmp.resolve("stale.yaml"), yaml.replace("value: '{{ email }}'", "value: '{{ mail }}'"));
        CliHarness.Result refused = cli.run("scripts", "save", script.scriptId(), stale.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("was edited from revision 1 but script " + script.scriptId() + " is at revision 2 now");
    }

    @Test
    void anInvalidEditIsRefusedNamingEveryFieldThatIsWrong() throws IOException {
        BlockScript script = record(SIGNUP, List.of(fill("email", "{{ email }}"), click("Send")), "wr_1");
        CliHarness cli = cli();
        String yaml = cli.run("scripts", "show", script.scriptId()).out();
        Path typo = Files.writeString(tmp.resolve("typo.yaml"), yaml.replace("type: click", "type: clik"));
        Path moved = Files.writeString(tmp.resolve("moved.yaml"), yaml.replace("block_label: sign_up", "block_label: other"));
        Path other = Files.writeString(tmp.resolve("other.yaml"), yaml.replace("script_id: " + script.scriptId(), "script_id: scr_other"));

        CliHarness.Result typoSaved = cli.run("scripts", "save", script.scriptId(), typo.toString());
        CliHarness.Result movedSaved = cli.run("scripts", "save", script.scriptId(), moved.toString());
        CliHarness.Result otherSaved = cli.run("scripts", "save", script.scriptId(), other.toString());

        assertThat(typoSaved.exitCode()).isEqualTo(2);
        assertThat(typoSaved.err()).contains(typo + ": actions[1].type: unknown action type 'clik'; expected one of checkbox, click,");
        assertThat(movedSaved.exitCode()).isEqualTo(2);
        assertThat(movedSaved.err()).contains("cannot be edited; they must stay wpid_signup, 'default:shop.test' and sign_up");
        assertThat(otherSaved.exitCode()).isEqualTo(2);
        assertThat(otherSaved.err()).contains("holds script scr_other, not " + script.scriptId());
        try (JdbcRunStore store = JdbcRunStore.open(home())) {
            assertThat(store.scripts().revisions(script.scriptId())).hasSize(1);
        }
    }

    @Test
    void exportWritesJavaToStdoutOrAFileAndChecksTheClassName() throws IOException {
        BlockScript script = record(SIGNUP, List.of(fill("email", "{{ email }}"), click("Send")), "wr_1");
        CliHarness cli = cli();

        CliHarness.Result stdout = cli.run("scripts", "export", script.scriptId(), "--java");
        Path file = tmp.resolve("out").resolve("Signup.java");
        CliHarness.Result written = cli.run("scripts", "export", script.scriptId(), "--java", "--out", file.toString());
        CliHarness.Result badName = cli.run("scripts", "export", script.scriptId(), "--java", "--class", "not-a-class");
        CliHarness.Result mismatch = cli.run("scripts", "export", script.scriptId(), "--java", "--class", "Other",
                "--out", file.toString());
        CliHarness.Result noFormat = cli.run("scripts", "export", script.scriptId());

        assertThat(stdout.exitCode()).as(stdout.err()).isEqualTo(0);
        assertThat(stdout.out()).contains("public final class SignUpScript {", "page.locator(\"#email\").fill(value(given, \"email\", \"EMAIL\"));",
                "page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(\"Send\").setExact(true)).click();");
        assertThat(written.exitCode()).as(written.err()).isEqualTo(0);
        assertThat(written.out()).contains("wrote " + file);
        assertThat(Files.readString(file)).contains("public final class Signup {");
        assertThat(badName.exitCode()).isEqualTo(2);
        assertThat(badName.err()).contains("--class must be a Java class name without a package (such as SignUpScript), got 'not-a-class'");
        assertThat(mismatch.exitCode()).isEqualTo(2);
        assertThat(mismatch.err()).contains("--class Other must match the file name of --out");
        assertThat(noFormat.exitCode()).isEqualTo(2);
        assertThat(noFormat.err()).contains("--java");
    }
}
