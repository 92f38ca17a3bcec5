package dev.rover.samples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code rover serve} refuses what it must refuse before it starts listening, with exit code 2 and no stack trace. */
class ServeCommandTest {

    @TempDir
    Path data;

    @Test
    void aNonLoopbackAddressWithoutAnApiKeyIsRefusedAtStart() {
        CliHarness.Result result = new CliHarness(data, Map.of()).run("serve", "--host", "0.0.0.0", "--port", "0");

        assertThat(result.exitCode()).isEqualTo(RoverCli.EXIT_USER_ERROR);
        assertThat(result.err()).contains("ROVER_API_KEY").contains("0.0.0.0").doesNotContain("\tat ");
    }

    @Test
    void badOptionsAreUsageErrors() {
        CliHarness harness = new CliHarness(data, Map.of("ROVER_API_KEY", "k"));

        assertThat(harness.run("serve", "--port", "70000").exitCode()).isEqualTo(RoverCli.EXIT_USER_ERROR);
        CliHarness.Result runs = harness.run("serve", "--port", "0", "--max-runs", "0");
        assertThat(runs.exitCode()).isEqualTo(RoverCli.EXIT_USER_ERROR);
        assertThat(runs.err()).contains("--max-runs");
    }
}
