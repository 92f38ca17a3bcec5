package dev.rover.samples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.core.json.Json;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunType;
import dev.rover.core.store.JdbcRunStore;
import dev.rover.core.store.RoverHome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code rover runs list/show/timeline/artifacts/report} on runs recorded by {@code rover run}. */
class RunsCommandsTest {

    @TempDir
    static Path tmp;

    static CliHarness cli;
    static String completedId;
    static String failedId;

    @BeforeAll
    static void recordTwoRuns() throws IOException {
        cli = new CliHarness(tmp.resolve("home"), Map.of());
        Path wait = cli.workflow("wait.yaml", RunCommandTest.WAIT_ONLY);
        Path login = cli.workflow("login.yaml", """
                title: Login nobody
                workflow_definition:
                  blocks:
                    - {block_type: login, label: sign_in, url: "http://127.0.0.1:9/login"}
                """);
        completedId = Json.mapper().readTree(cli.run("run", wait.toString(), "--json").out()).get("run_id").asText();
        failedId = Json.mapper().readTree(cli.run("run", login.toString(), "--json").out()).get("run_id").asText();
    }

    @Test
    void listShowsTheMostRecentFirst() {
        CliHarness.Result result = cli.run("runs", "list");

        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(result.out().lines().findFirst().orElseThrow()).startsWith("ID").contains("STATUS").contains("TITLE");
        assertThat(result.out().lines().skip(1)).satisfiesExactly(
                first -> assertThat(first).startsWith(failedId).contains("failed").contains("Login nobody")
                        .containsPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"),
                second -> assertThat(second).startsWith(completedId).contains("completed").contains("Just wait"));
        assertThat(cli.run("runs", "list", "--limit", "1").out().lines().skip(1)).singleElement()
                .satisfies(line -> assertThat(line).startsWith(failedId));
    }

    @Test
    void listJsonPrintsAnArrayOfTheRunResponsesShowPrints() throws IOException {
        CliHarness.Result result = cli.run("runs", "list", "--json");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        JsonNode runs = Json.mapper().readTree(result.out());
        assertThat(runs.isArray()).isTrue();
        assertThat(runs).extracting(run -> run.get("run_id").asText()).containsExactly(failedId, completedId);
        assertThat(runs.get(0)).isEqualTo(Json.mapper().readTree(cli.run("runs", "show", failedId).out()));
        assertThat(runs.get(1)).isEqualTo(Json.mapper().readTree(cli.run("runs", "show", completedId).out()));
        assertThat(Json.mapper().readTree(cli.run("runs", "list", "--json", "--limit", "1").out()))
                .singleElement().satisfies(run -> assertThat(run.get("run_id").asText()).isEqualTo(failedId));
    }

    @Test
    void listJsonOfAnEmptyDirectoryIsAnEmptyArray(@TempDir Path empty) {
        CliHarness.Result result = new CliHarness(empty, Map.of()).run("runs", "list", "--json");

        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(result.out().strip()).isEqualTo("[ ]");
    }

    @Test
    void cancelOfARunThatEndedSaysSoAndChangesNothing() {
        CliHarness.Result result = cli.run("runs", "cancel", completedId);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        assertThat(result.out().strip()).isEqualTo("run " + completedId + " had already ended: completed");
        assertThat(cli.run("runs", "show", completedId).out()).contains("\"status\" : \"completed\"");
    }

    @Test
    void showPrintsTheRunResponse() throws IOException {
        CliHarness.Result result = cli.run("runs", "show", failedId);

        assertThat(result.exitCode()).isEqualTo(0);
        JsonNode run = Json.mapper().readTree(result.out());
        assertThat(run.get("run_id").asText()).isEqualTo(failedId);
        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("failure_reason").asText()).contains("has no credential");
    }

    @Test
    void timelinePrintsTheTree() {
        CliHarness.Result completed = cli.run("runs", "timeline", completedId);
        CliHarness.Result failed = cli.run("runs", "timeline", failedId);

        assertThat(completed.exitCode()).isEqualTo(0);
        assertThat(completed.out().lines()).singleElement().asString().matches("block pause completed \\(\\d+\\.\\d s\\)");
        assertThat(failed.out().lines()).singleElement().asString()
                .startsWith("block sign_in failed").contains(": login block 'sign_in' has no credential");
    }

    @Test
    void artifactsListsTheReportAndFiltersByType() {
        CliHarness.Result all = cli.run("runs", "artifacts", completedId);
        CliHarness.Result reports = cli.run("runs", "artifacts", completedId, "--type", "report");
        CliHarness.Result screenshots = cli.run("runs", "artifacts", completedId, "--type", "screenshot_action");

        assertThat(all.exitCode()).isEqualTo(0);
        assertThat(all.out()).contains("report");
        assertThat(reports.out().lines()).singleElement().asString().startsWith("a_").contains(" report ")
                .endsWith(cli.run("runs", "report", completedId).out().strip());
        assertThat(screenshots.out().strip()).isEqualTo("run " + completedId + " has no artifacts of type screenshot_action");
    }

    @Test
    void unknownArtifactTypeIsAUsageError() {
        CliHarness.Result result = cli.run("runs", "artifacts", completedId, "--type", "selfie");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown artifact type 'selfie'").contains("screenshot_action");
    }

    @Test
    void reportPrintsTheReportPath() {
        CliHarness.Result result = cli.run("runs", "report", completedId);

        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(Path.of(result.out().strip())).isRegularFile().isAbsolute();
    }

    @Test
    void reportOfARunWithoutOneExitsOne(@TempDir Path other) {
        RunId id = RunId.next(RunType.WORKFLOW);
        try (JdbcRunStore store = JdbcRunStore.open(RoverHome.at(other))) {
            store.save(Run.created(id, "Never started", Map.of(), null, null, Instant.now()));
        }
        CliHarness fresh = new CliHarness(other, Map.of());

        CliHarness.Result report = fresh.run("runs", "report", id.toString());
        CliHarness.Result timeline = fresh.run("runs", "timeline", id.toString());

        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.err()).contains("run " + id + " has no report yet");
        assertThat(report.out()).isEmpty();
        assertThat(timeline.exitCode()).isEqualTo(0);
        assertThat(timeline.out().strip()).isEqualTo("run " + id + " has no timeline entries yet");
    }

    @Test
    void unknownOrMalformedIdExitsTwo() {
        for (String sub : new String[] {"show", "timeline", "artifacts", "report", "cancel", "resume"}) {
            CliHarness.Result unknown = cli.run("runs", sub, "wr_doesnotexist");
            CliHarness.Result malformed = cli.run("runs", sub, "banana");

            assertThat(unknown.exitCode()).as(sub).isEqualTo(2);
            assertThat(unknown.err()).as(sub).isEqualTo("rover: no run wr_doesnotexist" + System.lineSeparator());
            assertThat(malformed.exitCode()).as(sub).isEqualTo(2);
            assertThat(malformed.err()).as(sub).isEqualTo("rover: no run banana" + System.lineSeparator());
        }
    }

    @Test
    void runsWithoutSubcommandAsksForOne() {
        CliHarness.Result result = cli.runExactly("runs");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing subcommand: choose one of list, show, timeline, artifacts, report, cancel, resume");
    }
}
