package dev.rover.samples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code rover validate} through picocli, with stdout and stderr captured. */
class ValidateCommandTest {

    private static final String VALID = """
            title: Check Orders
            workflow_definition:
              parameters:
                - {key: shop, parameter_type: workflow, workflow_parameter_type: string}
                - {key: smtp_host, parameter_type: hashicorp_vault, path: SMTP_HOST}
              blocks:
                - {block_type: goto_url, label: open, url: "{{ shop }}"}
                - block_type: for_loop
                  label: each
                  loop_variable_reference: "{{ open_output }}"
                  loop_blocks:
                    - {block_type: teleport, label: beam}
                - {block_type: wait, label: pause, wait_sec: 2}
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int rover(CommandLine commandLine, String... args) {
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private int rover(String... args) {
        return rover(RoverCli.commandLine(), args);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void validFilePrintsASummaryAndWarnsAboutWhatCannotRun() throws IOException {
        Path file = write("orders.yaml", VALID);

        assertThat(rover("validate", file.toString())).isEqualTo(0);

        assertThat(out.toString()).startsWith(file + ": \"Check Orders\", version 1, 3 blocks: goto_url 1, for_loop 1, wait 1"
                + " (+1 inside loops); 2 parameters" + System.lineSeparator());
        assertThat(out.toString())
                .contains(file + ":5:7: warning: parameter 'smtp_host' uses parameter_type 'hashicorp_vault', which Rover does not support yet")
                .contains(file + ":12:11: warning: block 'beam' uses block_type 'teleport', which Rover does not support yet (supported: ");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void malformedFileExitsTwoWithOneLinePerProblemAndNoStackTrace() throws IOException {
        Path file = write("broken.yaml", """
                title: Broken
                workflow_definition:
                  blocks:
                    - {block_type: wait, label: w, wait_sec: 0}
                    - {block_type: navigation, label: w}
                """);

        assertThat(rover("validate", file.toString())).isEqualTo(2);

        assertThat(err.toString().lines()).containsExactly(
                file + ":4:46: workflow_definition.blocks[0].wait_sec: wait_sec must be greater than 0 and at most 1800, found 0",
                file + ":5:7: workflow_definition.blocks[1].navigation_goal: required field 'navigation_goal' is missing; expected string",
                file + ":5:39: workflow_definition.blocks[1].label: label 'w' is already used by the block at line 4; labels must be unique, nested loop blocks included");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMisspeltBlockTypeIsAnErrorThatSuggestsTheClosestType() throws IOException {
        Path file = write("typo.yaml", """
                title: Typo
                workflow_definition:
                  blocks:
                    - {block_type: extracton, label: read, data_extraction_goal: Read the total}
                """);

        assertThat(rover("validate", file.toString())).isEqualTo(2);

        assertThat(err.toString().lines()).containsExactly(
                file + ":4:20: workflow_definition.blocks[0].block_type: unknown block_type 'extracton'; did you mean 'extraction'?");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void syntaxErrorsPointAtTheParserPosition() throws IOException {
        Path file = write("syntax.json", "{\"title\": \"T\",\n  \"workflow_definition\": {\"blocks\": [}\n}\n");

        assertThat(rover("validate", file.toString())).isEqualTo(2);

        assertThat(err.toString()).isEqualTo(file + ":2:38: (document): invalid JSON: Unexpected close marker '}': "
                + "expected ']'" + System.lineSeparator());
    }

    @Test
    void missingFileIsAUserErrorWithAClearMessage() {
        Path missing = dir.resolve("nowhere.yaml");

        assertThat(rover("validate", missing.toString())).isEqualTo(2);

        assertThat(err.toString().strip()).isEqualTo("cannot read workflow definition " + missing + ": no such file");
    }

    @Test
    void everyFileIsReportedEvenAfterABadOne() throws IOException {
        Path bad = write("bad.yaml", "- just\n- a list\n");
        Path good = write("good.yaml", VALID);

        assertThat(rover("validate", bad.toString(), good.toString())).isEqualTo(2);

        assertThat(err.toString().strip()).isEqualTo(bad + ":1:1: (document): the document (a map with 'title' and "
                + "'workflow_definition') must be a map, found list");
        assertThat(out.toString()).contains(good + ": \"Check Orders\"");
    }

    @Test
    void validateWithoutFilesShowsUsage() {
        assertThat(rover("validate")).isEqualTo(2);

        assertThat(err.toString()).contains("Missing required parameter: 'FILE'").contains("Usage: rover validate");
    }

    @Test
    void rootWithoutSubcommandAsksForOne() {
        assertThat(rover()).isEqualTo(2);

        assertThat(err.toString()).contains("Missing subcommand: choose one of validate");
    }

    @Test
    void versionAndHelp() {
        assertThat(rover("--version")).isEqualTo(0);
        assertThat(out.toString()).startsWith("rover 0.1.0-SNAPSHOT");

        assertThat(rover("--help")).isEqualTo(0);
        assertThat(out.toString()).contains("Usage: rover").contains("validate");
    }

    @Test
    void anExceptionFromACommandIsOneLineOnStderr() {
        CommandLine commandLine = RoverCli.commandLine().addSubcommand("boom", new Boom());

        assertThat(rover(commandLine, "boom")).isEqualTo(2);

        assertThat(err.toString()).isEqualTo("rover: profile 'x' does not exist" + System.lineSeparator());
    }

    @Test
    void everySkyvernCompatFileValidates() throws IOException {
        Path compat = null;
        for (Path d = Paths.get(System.getProperty("user.dir")).toAbsolutePath(); d != null && compat == null; d = d.getParent()) {
            compat = Files.isDirectory(d.resolve("shared/compat/skyvern")) ? d.resolve("shared/compat/skyvern") : null;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(compat != null || System.getenv("CI") != null,
                "shared/compat/skyvern is not present above the working directory");
        assertThat(compat).as("shared/compat/skyvern must exist in CI").isNotNull();
        String[] args;
        try (var files = Files.list(compat)) {
            args = java.util.stream.Stream.concat(java.util.stream.Stream.of("validate"),
                    files.sorted().map(Path::toString)).toArray(String[]::new);
        }

        assertThat(rover(args)).as(err.toString()).isEqualTo(0);

        assertThat(out.toString()).contains("bulk-invoice-downloader.yaml: \"Bulk Invoice Downloader\", version 1, "
                + "6 blocks: login 1, navigation 1, extraction 1, for_loop 2, send_email 1 (+2 inside loops); 9 parameters");
        for (String type : List.of("text_prompt", "send_email", "file_url_parser", "pdf_parser", "upload_to_s3",
                "aws_secret", "bitwarden_login_credential")) {
            assertThat(out.toString()).as(type).doesNotContain("'" + type + "', which Rover does not support");
        }
        assertThat(err.toString()).isEmpty();
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalArgumentException("profile 'x' does not exist");
        }
    }
}
