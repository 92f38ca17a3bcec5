package dev.rover.samples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A workflow that asks for a proxy location with no proxy configured: validate warns, run refuses saying how to go on, --no-proxy runs with a warning. */
class ProxyPolicyCommandTest {

    private static final String RESIDENTIAL = """
            title: Needs a proxy
            proxy_location: RESIDENTIAL
            workflow_definition:
              blocks:
                - {block_type: wait, label: pause, wait_sec: 1}
            """;

    @TempDir
    Path tmp;

    private CliHarness cli() {
        return new CliHarness(tmp.resolve("home"), Map.of());
    }

    @Test
    void validateWarnsAndRunRefusesNamingBothWaysOn() throws IOException {
        CliHarness cli = cli();
        Path file = cli.workflow("proxy.yaml", RESIDENTIAL);

        CliHarness.Result validate = cli.runExactly("validate", file.toString());
        assertThat(validate.exitCode()).isZero();
        assertThat(validate.out()).contains("warning: proxy_location RESIDENTIAL is set and no proxy is configured")
                .contains("--proxy http://host:port").contains("--no-proxy");

        CliHarness.Result refused = cli.run("run", file.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("proxy_location RESIDENTIAL was requested, but this Rover has no proxy configured")
                .contains("--proxy http://host:port").contains("--no-proxy").doesNotContain("Exception");

        CliHarness.Result both = cli.run("run", file.toString(), "--no-proxy", "--proxy", "http://127.0.0.1:3128");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--proxy and --no-proxy contradict each other");
    }

    @Test
    void noProxyRunsDirectAndTheRunRecordsTheWarning() throws IOException {
        CliHarness cli = cli();
        Path file = cli.workflow("proxy.yaml", RESIDENTIAL);

        CliHarness.Result run = cli.run("run", file.toString(), "--no-proxy", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"status\" : \"completed\"").contains("PROXY_NOT_USED")
                .contains("proxy_location RESIDENTIAL was requested, but no proxy is configured and the run went direct");
    }
}
