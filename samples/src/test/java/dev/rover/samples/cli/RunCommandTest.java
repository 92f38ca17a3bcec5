package dev.rover.samples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code rover run} on workflows that need no browser (wait blocks, a login that fails before the browser). */
class RunCommandTest {

    static final String WAIT_ONLY = """
            title: Just wait
            workflow_definition:
              parameters:
                - {key: pause_seconds, parameter_type: workflow, workflow_parameter_type: integer, default_value: 1}
                - {key: note, parameter_type: workflow, workflow_parameter_type: string, default_value: hi}
              blocks:
                - {block_type: wait, label: pause, wait_sec: 1}
            """;

    private static final String LOGIN_WITHOUT_CREDENTIAL = """
            title: Login nobody
            workflow_definition:
              blocks:
                - {block_type: login, label: sign_in, url: "http://127.0.0.1:9/login"}
            """;

    private static final String WITH_CREDENTIAL = """
            title: Needs a login
            workflow_definition:
              parameters:
                - {key: account, parameter_type: workflow, workflow_parameter_type: credential_id}
              blocks:
                - {block_type: wait, label: pause, wait_sec: 1}
            """;

    @TempDir
    Path tmp;

    private CliHarness cli() {
        return new CliHarness(tmp.resolve("home"), Map.of("PW", "s3cret-pass-881"));
    }

    @Test
    void completedRunPrintsASummaryAndProgressAndExitsZero() throws IOException {
        CliHarness cli = cli();
        Path file = cli.workflow("wait.yaml", WAIT_ONLY);

        CliHarness.Result result = cli.run("run", file.toString(), "--param", "note=hello");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        assertThat(result.out()).contains("status:  completed").containsPattern("run: +wr_\\S+ \\(Just wait\\)");
        String reportLine = result.out().lines().filter(l -> l.startsWith("report:")).findFirst().orElseThrow();
        assertThat(Path.of(reportLine.substring("report:".length()).strip())).isRegularFile();
        assertThat(result.err()).containsPattern("run wr_\\S+ running")
                .contains("block pause started")
                .containsPattern("block pause completed \\(\\d+\\.\\d s\\)")
                .containsPattern("run wr_\\S+ completed after \\d+\\.\\d s");
        assertThat(result.err().lines().filter(l -> l.contains("block pause started"))).hasSize(1);
    }

    @Test
    void jsonPrintsOnlyTheRunResponseOnStdout() throws IOException {
        CliHarness cli = cli();
        Path file = cli.workflow("wait.yaml", WAIT_ONLY);

        CliHarness.Result result = cli.run("run", file.toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        JsonNode run = Json.mapper().readTree(result.out());
        assertThat(run.get("run_id").asText()).startsWith("wr_");
        assertThat(run.get("status").asText()).isEqualTo("completed");
        assertThat(run.get("title").asText()).isEqualTo("Just wait");
        assertThat(run.get("parameters").get("pause_seconds").asInt()).isEqualTo(1);
        assertThat(run.has("finished_at")).isTrue();
        assertThat(result.err()).contains("block pause started");
    }

    @Test
    void runThatFailsExitsOneWithItsReason() throws IOException {
        CliHarness cli = cli();
        Path file = cli.workflow("login.yaml", LOGIN_WITHOUT_CREDENTIAL);

        CliHarness.Result result = cli.run("run", file.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.out()).contains("status:  failed").contains("reason:  ").contains("has no credential");
        assertThat(result.err()).contains("block sign_in failed").containsPattern("run wr_\\S+ failed");
    }

    @Test
    void jsonOfAFailedRunStillExitsOne() throws IOException {
        CliHarness cli = cli();
        Path file = cli.workflow("login.yaml", LOGIN_WITHOUT_CREDENTIAL);

        CliHarness.Result result = cli.run("run", file.toString(), "--json");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(Json.mapper().readTree(result.out()).get("status").asText()).isEqualTo("failed");
    }

    @Test
    void malformedFileIsReportedWithPositionsAndExitsTwo() throws IOException {
        CliHarness cli = cli();
        Path file = cli.workflow("broken.yaml", """
                title: Broken
                workflow_definition:
                  blocks:
                    - {block_type: wait, label: w, wait_sec: 0}
                """);

        CliHarness.Result result = cli.run("run", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo(file + ":4:46: workflow_definition.blocks[0].wait_sec: "
                + "wait_sec must be greater than 0 and at most 1800, found 0");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void missingFileExitsTwo() {
        Path missing = tmp.resolve("nowhere.yaml");

        CliHarness.Result result = cli().run("run", missing.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("cannot read workflow definition " + missing + ": no such file");
    }

    @Test
    void unknownOrBadParametersExitTwoWithTheMessageAndNoStackTrace() throws IOException {
        CliHarness cli = cli();
        Path file = cli.workflow("wait.yaml", WAIT_ONLY);

        CliHarness.Result unknown = cli.run("run", file.toString(), "--param", "colour=red");
        CliHarness.Result notANumber = cli.run("run", file.toString(), "--param", "pause_seconds=soon");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("rover: ").contains("unknown parameter 'colour'")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertThat(notANumber.err()).contains("pause_seconds").contains("not a whole number");
        assertThat(cli.run("runs", "list").out()).startsWith("no runs in ");
    }

    @Test
    void aWorkflowWithABlockTypeRoverCannotRunIsRefusedBeforeAnyBlockRuns() throws IOException {
        CliHarness cli = cli();
        Path file = cli.workflow("mail.yaml", """
                title: Wait then mail
                workflow_definition:
                  blocks:
                    - {block_type: wait, label: pause, wait_sec: 1}
                    - {block_type: email_inbox, label: mail}
                """);

        CliHarness.Result result = cli.run("run", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("rover: ").contains("block 'mail'").contains("email_inbox")
                .contains("supported:").doesNotContain("\tat ");
        assertThat(cli.run("runs", "list").out()).startsWith("no runs in ");
    }

    @Test
    void unknownEngineExitsTwo() throws IOException {
        CliHarness cli = cli();
        Path file = cli.workflow("wait.yaml", WAIT_ONLY);

        CliHarness.Result result = cli.run("run", file.toString(), "--engine", "gpt-99");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown engine 'gpt-99'").contains("offline");
    }

    @Test
    void credentialParameterAcceptsTheNameOrTheIdButNotAnUnknownOne() throws IOException {
        CliHarness cli = cli();
        Path file = cli.workflow("cred.yaml", WITH_CREDENTIAL);
        String id = cli.run("credentials", "add", "shop", "--username", "ada", "--password-env", "PW").out().strip();

        CliHarness.Result byName = cli.run("run", file.toString(), "--param", "account=shop");
        CliHarness.Result byId = cli.run("run", file.toString(), "--param", "account=" + id, "--json");
        CliHarness.Result unknown = cli.run("run", file.toString(), "--param", "account=nobody");

        assertThat(byName.exitCode()).as(byName.err()).isEqualTo(0);
        assertThat(byId.exitCode()).as(byId.err()).isEqualTo(0);
        assertThat(byId.out()).doesNotContain("s3cret-pass-881");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("parameter 'account' names credential 'nobody', which is not in the vault");
    }

    @Test
    void runWithoutFileShowsUsage() {
        CliHarness.Result result = cli().run("run");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required parameter: 'FILE'").contains("Usage: rover run");
    }

    @Test
    void taskArgumentsAreCheckedBeforeAnythingRuns() throws IOException {
        CliHarness cli = cli();
        Path badSchema = Files.writeString(tmp.resolve("schema.json"), "{\"type\": \"object\",\n \"properties\": }");

        CliHarness.Result noPrompt = cli.run("task", "--url", "http://127.0.0.1:9/");
        CliHarness.Result blankPrompt = cli.run("task", "--prompt", "  ");
        CliHarness.Result schema = cli.run("task", "--prompt", "Read the title", "--schema", badSchema.toString());
        CliHarness.Result missingSchema = cli.run("task", "--prompt", "Read the title", "--schema", tmp.resolve("no.json").toString());
        CliHarness.Result steps = cli.run("task", "--prompt", "Read the title", "--max-steps", "0");

        assertThat(noPrompt.exitCode()).isEqualTo(2);
        assertThat(noPrompt.err()).contains("Missing required option: '--prompt=TEXT'");
        assertThat(blankPrompt.exitCode()).isEqualTo(2);
        assertThat(blankPrompt.err()).contains("a task needs a prompt");
        assertThat(schema.exitCode()).isEqualTo(2);
        assertThat(schema.err()).contains("schema " + badSchema + " is not valid JSON").contains("line 2");
        assertThat(missingSchema.exitCode()).isEqualTo(2);
        assertThat(missingSchema.err()).contains("no such file");
        assertThat(steps.exitCode()).isEqualTo(2);
        assertThat(steps.err()).contains("max_steps must be at least 1, got 0");
        assertThat(cli.run("runs", "list").out()).startsWith("no runs in ");
    }
}
