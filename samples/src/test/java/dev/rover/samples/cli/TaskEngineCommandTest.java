package dev.rover.samples.cli;

import com.sun.net.httpserver.HttpServer;
import dev.rover.samples.e2e.fakecua.PixelModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rover task --engine anthropic_cua|openai_cua|ui_tars}: a usage error naming the variables to set when the
 * engine is not configured, and a run against the provider the environment names when it is.
 */
class TaskEngineCommandTest {

    @TempDir
    Path tmp;

    @Test
    void anUnconfiguredComputerUseEngineIsAUsageErrorNamingWhatToSet() {
        CliHarness cli = new CliHarness(tmp.resolve("home"), Map.of());
        Map<String, String> variables = Map.of("anthropic_cua", "ANTHROPIC_API_KEY", "openai_cua", "OPENAI_API_KEY",
                "ui_tars", "ROVER_UI_TARS_BASE_URL");
        variables.forEach((engine, variable) -> {
            CliHarness.Result result = cli.run("task", "--engine", engine, "--prompt", "Click the button", "--url", "http://127.0.0.1:9/");
            assertThat(result.exitCode()).as(engine).isEqualTo(2);
            assertThat(result.err()).as(engine).contains("engine " + engine + " is not configured: set " + variable)
                    .doesNotContain("unknown engine").doesNotContain("\tat ");
        });
    }

    @Test
    void aConfiguredUiTarsServerRunsTheTask() throws IOException {
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> {
            byte[] page = "<html><body style=\"margin:0\"><div style=\"position:absolute;left:200px;top:150px;width:120px;height:50px;background:#22cc44\"></div></body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        site.start();
        try (PixelModel model = new PixelModel()) {
            model.plan((turn, goal) -> turn == 0 ? new PixelModel.Move.ClickColour(0x22cc44) : new PixelModel.Move.Done("done"));
            CliHarness cli = new CliHarness(tmp.resolve("home"), Map.of("ROVER_UI_TARS_BASE_URL", model.root() + "/v1"));

            CliHarness.Result result = cli.run("task", "--engine", "ui_tars", "--prompt", "Click the green box", "--url",
                    "http://127.0.0.1:" + site.getAddress().getPort() + "/", "--json");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("\"run_type\" : \"ui_tars\"").contains("\"status\" : \"completed\"");
            assertThat(model.bodies()).anyMatch(b -> b.contains("You are a GUI agent"));
        } finally {
            site.stop(0);
        }
    }
}
