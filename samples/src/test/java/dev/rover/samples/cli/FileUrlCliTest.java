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

/**
 * Only http and https are opened unless {@code --allow-file-urls} is given (issue 10, item 8): refused
 * literal URLs and {@code javascript:} are usage errors (exit 2); a file URL that only a template
 * reveals fails the run, and opens when allowed.
 */
class FileUrlCliTest {

    private static final String NL = System.lineSeparator();
    private static final String ALLOW_HINT = "only http and https URLs are opened unless file URLs are allowed "
            + "(RoverBuilder.allowFileUrls(true) or --allow-file-urls)";

    @TempDir
    Path tmp;

    private CliHarness cli() {
        return new CliHarness(tmp.resolve("home"), Map.of());
    }

    @Test
    void taskUrlsOtherThanHttpAreUsageErrors() {
        CliHarness.Result file = cli().run("task", "--prompt", "read it", "--url", "file:///etc/passwd");
        CliHarness.Result script = cli().run("task", "--prompt", "p", "--url", "javascript:alert(1)", "--allow-file-urls");
        CliHarness.Result relative = cli().run("task", "--prompt", "p", "--url", "example.com/login");

        assertThat(file.exitCode()).isEqualTo(2);
        assertThat(file.err()).isEqualTo("rover: --url 'file:///etc/passwd' is a file: URL; " + ALLOW_HINT + NL);
        assertThat(script.exitCode()).isEqualTo(2);
        assertThat(script.err()).isEqualTo("rover: --url 'javascript:alert(1)' uses scheme 'javascript'; only http and https URLs are opened" + NL);
        assertThat(relative.exitCode()).isEqualTo(2);
        assertThat(relative.err()).isEqualTo("rover: --url 'example.com/login' is not an absolute URL; write it with http:// or https://" + NL);
        assertThat(tmp.resolve("home").resolve("rover.db")).doesNotExist();
    }

    @Test
    void literalWorkflowUrlsAreCheckedBeforeTheRun() throws IOException {
        CliHarness cli = cli();
        Path file = cli.workflow("file.yaml", """
                title: Read a file
                workflow_definition:
                  blocks:
                    - {block_type: goto_url, label: open, url: "file:///etc/passwd"}
                """);
        Path script = cli.workflow("script.yaml", """
                title: Script
                workflow_definition:
                  blocks:
                    - {block_type: goto_url, label: open, url: "javascript:alert(1)"}
                """);

        CliHarness.Result fileResult = cli.run("run", file.toString());
        CliHarness.Result scriptResult = cli.run("run", script.toString(), "--allow-file-urls");

        assertThat(fileResult.exitCode()).isEqualTo(2);
        assertThat(fileResult.err()).isEqualTo(file + ":4:48: open.url: 'file:///etc/passwd' is a file: URL; " + ALLOW_HINT + NL);
        assertThat(scriptResult.exitCode()).isEqualTo(2);
        assertThat(scriptResult.err()).isEqualTo(script + ":4:48: workflow_definition.blocks[0].url: 'javascript:alert(1)' "
                + "uses scheme 'javascript'; only http and https URLs are opened" + NL);
    }

    @Test
    void aFileUrlFromAParameterFailsTheRunUnlessAllowed() throws IOException {
        CliHarness cli = cli();
        Path local = Files.writeString(tmp.resolve("local.html"), "<html><body><h1>local page 5521</h1></body></html>");
        Path workflow = cli.workflow("param.yaml", """
                title: Open a page
                workflow_definition:
                  parameters:
                    - {key: target, parameter_type: workflow, workflow_parameter_type: string}
                  blocks:
                    - {block_type: goto_url, label: open, url: "{{ target }}"}
                """);
        String fileUrl = local.toUri().toString();

        CliHarness.Result refused = cli.run("run", workflow.toString(), "--param", "target=" + fileUrl, "--json");
        CliHarness.Result allowed = cli.run("run", workflow.toString(), "--param", "target=" + fileUrl, "--json",
                "--allow-file-urls");

        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(1);
        JsonNode failed = Json.mapper().readTree(refused.out());
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("failure_reason").asText()).contains("could not open " + fileUrl + ": not opened: '" + fileUrl
                + "' is a file: URL; " + ALLOW_HINT);
        assertThat(allowed.exitCode()).as(allowed.err() + allowed.out()).isEqualTo(0);
        assertThat(Json.mapper().readTree(allowed.out()).get("status").asText()).isEqualTo("completed");
    }
}
