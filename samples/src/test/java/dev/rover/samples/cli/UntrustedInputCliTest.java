package dev.rover.samples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line against input that must neither hang nor mislead (issue 10, items 11 to 15): each
 * case asserts the exact message and exit code a user sees.
 */
class UntrustedInputCliTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path tmp;

    private CliHarness cli() {
        return new CliHarness(tmp.resolve("home"), Map.of());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void devicesAndPipesAreRefusedBeforeReading() throws Exception {
        Path fifo = tmp.resolve("pipe.yaml");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(10, TimeUnit.SECONDS)).isTrue();

        CliHarness.Result zero = cli().runExactly("validate", "/dev/zero");
        CliHarness.Result pipe = cli().runExactly("validate", fifo.toString());
        CliHarness.Result run = cli().run("run", "/dev/zero");
        CliHarness.Result schema = cli().run("task", "--prompt", "p", "--schema", "/dev/zero");

        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).isEqualTo("cannot read workflow definition /dev/zero: it is not a regular file (a device, pipe or socket)" + NL);
        assertThat(pipe.exitCode()).isEqualTo(2);
        assertThat(pipe.err()).isEqualTo("cannot read workflow definition " + fifo + ": it is not a regular file (a device, pipe or socket)" + NL);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(zero.err());
        assertThat(schema.exitCode()).isEqualTo(2);
        assertThat(schema.err()).isEqualTo("rover: cannot read schema /dev/zero: it is not a regular file (a device, pipe or socket)" + NL);
    }

    @Test
    void aFileOverTheDocumentedLimitIsRefused() throws IOException {
        Path big = tmp.resolve("big.yaml");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(3L * 1024 * 1024 + 1);
        }

        CliHarness.Result result = cli().runExactly("validate", big.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("cannot read workflow definition " + big
                + ": it is 3145729 bytes, more than the limit of 3145728 bytes" + NL);
    }

    @Test
    void jsonIsStrict() throws IOException {
        Path trailing = write("trailing.json", "{\"title\": \"T\", \"workflow_definition\": {\"blocks\": [],}}\n");
        Path duplicate = write("duplicate.json", "{\"title\": \"T\",\n \"title\": \"U\", \"workflow_definition\": {\"blocks\": []}}\n");

        CliHarness.Result trailingResult = cli().runExactly("validate", trailing.toString());
        CliHarness.Result duplicateResult = cli().runExactly("validate", duplicate.toString());

        assertThat(trailingResult.exitCode()).isEqualTo(2);
        assertThat(trailingResult.err()).isEqualTo(trailing + ":1:53: (document): invalid JSON: trailing comma before '}'" + NL);
        assertThat(duplicateResult.exitCode()).isEqualTo(2);
        assertThat(duplicateResult.err()).isEqualTo(duplicate + ":2:2: (document): invalid JSON: Duplicate field 'title'" + NL);
    }

    @Test
    void templateSyntaxAndStepLimitsAreCheckedAndUnknownNamesWarned() throws IOException {
        Path broken = write("broken.yaml", """
                title: T
                workflow_definition:
                  blocks:
                    - {block_type: navigation, label: go, url: "{{ unclosed", navigation_goal: "{% if x %}go"}
                    - {block_type: navigation, label: more, navigation_goal: g, max_steps_per_run: 0}
                """);
        Path unknown = write("unknown.yaml", """
                title: T
                workflow_definition:
                  parameters:
                    - {key: shop, parameter_type: workflow, workflow_parameter_type: string}
                  blocks:
                    - {block_type: goto_url, label: open, url: "{{ shop }}/{{ shpo }}"}
                """);

        CliHarness.Result brokenResult = cli().runExactly("validate", broken.toString());
        CliHarness.Result unknownResult = cli().runExactly("validate", unknown.toString());

        assertThat(brokenResult.exitCode()).isEqualTo(2);
        assertThat(brokenResult.err()).isEqualTo(
                broken + ":4:48: workflow_definition.blocks[0].url: template syntax error: '{{' or '{%' is not closed in '{{ unclosed'" + NL
                + broken + ":4:80: workflow_definition.blocks[0].navigation_goal: template syntax error: Missing end tag: "
                + "endif for tag defined as: {% if x %} in '{% if x %}go'" + NL
                + broken + ":5:84: workflow_definition.blocks[1].max_steps_per_run: max_steps_per_run must be at least 1, found 0" + NL);
        assertThat(unknownResult.exitCode()).isEqualTo(0);
        assertThat(unknownResult.out()).isEqualTo(unknown + ": \"T\", version 1, 1 block: goto_url 1; 1 parameter" + NL
                + unknown + ":6:48: warning: block 'open', field 'url' uses 'shpo', which no parameter, block output or reserved key defines" + NL);
    }

    @Test
    void controlCharactersInLabelsAndIdsAreEscapedAndARepeatedParamIsAnError() throws IOException {
        Path evil = write("evil.yaml", """
                title: T
                workflow_definition:
                  blocks:
                    - {block_type: wait, label: "ok\\e[2J\\u202Egnp.exe", wait_sec: 1}
                """);
        Path valid = write("valid.yaml", """
                title: T
                workflow_definition:
                  parameters:
                    - {key: a, parameter_type: workflow, workflow_parameter_type: string}
                  blocks:
                    - {block_type: wait, label: w, wait_sec: 1}
                """);

        CliHarness.Result label = cli().runExactly("validate", evil.toString());
        CliHarness.Result id = cli().run("runs", "show", "wr_\u001b[31mfake\u202e");
        CliHarness.Result repeated = cli().run("run", valid.toString(), "--param", "a=1", "--param", "a=2");

        assertThat(label.exitCode()).isEqualTo(2);
        assertThat(label.err()).isEqualTo(evil + ":4:33: workflow_definition.blocks[0].label: label 'ok\\u001b[2J\\u202egnp.exe' "
                + "is not an identifier; use letters, digits and underscores, not starting with a digit" + NL);
        assertThat(id.exitCode()).isEqualTo(2);
        assertThat(id.err()).isEqualTo("rover: no run wr_\\u001b[31mfake\\u202e" + NL);
        assertThat(repeated.exitCode()).isEqualTo(2);
        assertThat(repeated.err()).isEqualTo("rover: --param 'a' is given more than once; give each parameter once" + NL);
    }
}
