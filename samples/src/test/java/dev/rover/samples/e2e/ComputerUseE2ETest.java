package dev.rover.samples.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rover.Rover;
import dev.rover.TaskRequest;
import dev.rover.core.json.Json;
import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.Run;
import dev.rover.core.run.TimelineEntry;
import dev.rover.llm.cua.CuaKind;
import dev.rover.llm.cua.CuaSettings;
import dev.rover.samples.e2e.fakecua.PixelModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static dev.rover.samples.e2e.RunChecks.assertCompleted;
import static dev.rover.samples.e2e.RunChecks.flatten;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three computer-use engines end to end in real headless Chromium: a fake model decodes each screenshot it
 * receives, finds a coloured control by its pixels and clicks it, the page records the click and the run
 * completes with its engine's run_type. One run logs in by typing a credential placeholder; the real password
 * reaches only the field on the credential's origin, and neither the model nor any artifact sees it.
 */
class ComputerUseE2ETest {

    /** Not magenta: that is what screenshots paint over password fields. */
    private static final int GREEN = 0x22cc44;
    private static final int CYAN = 0x00ffff;
    private static final String PASSWORD = "Tr0ub4dor-cua-9431";

    @TempDir
    static Path data;

    private static HttpServer site;
    private static PixelModel model;
    private static Rover rover;
    private static final List<String> hits = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", ComputerUseE2ETest::serve);
        site.start();
        model = new PixelModel();
        rover = Rover.builder().dataDirectory(data.resolve("rover")).environment(Map.of())
                .computerUse(CuaSettings.of(CuaKind.ANTHROPIC, model.root(), "sk-ant-fake"))
                .computerUse(CuaSettings.of(CuaKind.OPENAI, model.root() + "/v1", "sk-openai-fake"))
                .computerUse(CuaSettings.of(CuaKind.UI_TARS, model.root() + "/v1", null))
                .build();
    }

    @AfterAll
    static void stop() {
        if (rover != null) {
            rover.close();
        }
        if (model != null) {
            model.close();
        }
        if (site != null) {
            site.stop(0);
        }
    }

    private static String origin() {
        return "http://127.0.0.1:" + site.getAddress().getPort();
    }

    @ParameterizedTest
    @EnumSource(CuaKind.class)
    void theModelFindsTheGreenButtonByItsPixelsAndClicksIt(CuaKind kind) throws IOException {
        hits.clear();
        model.plan((turn, goal) -> turn == 0 ? new PixelModel.Move.ClickColour(GREEN) : new PixelModel.Move.Done("clicked the green button"));

        Run run = rover.runTask(TaskRequest.builder("Click the green button").url(origin() + "/button")
                .engine(kind.engineName()).maxSteps(5).waitForCompletion(true).build());

        assertCompleted(run);
        assertThat(hits).containsExactly("clicked");
        assertThat(run.runType().wireName()).isEqualTo(kind.engineName());
        assertThat(Json.compact(run)).contains("\"run_type\":\"" + kind.engineName() + "\"");
        // the click, a verification of the goal after that step, and the model saying it is done
        assertThat(run.usage().llmCalls()).isEqualTo(3);
        TimelineEntry click = flatten(rover.getRunTimeline(run.runId())).filter(e -> e.type() == TimelineEntry.Type.ACTION)
                .findFirst().orElseThrow();
        assertThat(click.details()).containsEntry("action_type", "click").containsKeys("x", "y", "screen_width", "screen_height");
        assertThat(click.status()).isEqualTo("success");
        String report = Files.readString(rover.reportPath(run.runId()).orElseThrow());
        assertThat(report).contains("class=\"marker\"");
        assertThat(model.bodies()).hasSize(3).filteredOn(b -> b.contains("\"tools\"") || b.contains("GUI agent"))
                .hasSize(2).allMatch(b -> b.contains("iVBOR"));
    }

    @Test
    void theDataExtractionSchemaIsAnsweredByTheSameModelWithTheFinalScreenshot() {
        model.plan((turn, goal) -> new PixelModel.Move.Done("nothing to click"));
        Run run = rover.runTask(TaskRequest.builder("Read the page title").url(origin() + "/button").engine("openai_cua")
                .dataExtractionSchema(Map.of("type", "object", "properties", Map.of("title", Map.of("type", "string")),
                        "required", List.of("title")))
                .maxSteps(3).waitForCompletion(true).build());

        assertCompleted(run);
        assertThat(Json.compact(run.output())).contains("\"title\":\"CUA test\"");
        assertThat(model.extractionsWithScreenshot()).isEqualTo(1);
    }

    @Test
    void aCredentialPlaceholderTypedByTheModelBecomesThePasswordOnlyInTheFocusedFieldOfItsOrigin() throws IOException {
        hits.clear();
        rover.credentials().addPassword("cua-site", "jane", PASSWORD, null, List.of(origin()));
        model.plan((turn, goal) -> switch (turn) {
            case 0 -> new PixelModel.Move.ClickColour(CYAN);
            case 1 -> new PixelModel.Move.Type(PixelModel.passwordPlaceholder(goal) + "\n");
            default -> new PixelModel.Move.Done("signed in");
        });

        Run run = rover.runTask(TaskRequest.builder("Sign in with the password").url(origin() + "/login")
                .engine("anthropic_cua").credentials("cua-site").maxSteps(6).waitForCompletion(true).build());

        assertCompleted(run);
        assertThat(hits).singleElement().satisfies(form -> {
            assertThat(form).contains("password=" + PASSWORD).contains("notes=&");
        });
        assertThat(model.bodies()).isNotEmpty().noneMatch(b -> b.contains(PASSWORD) || b.contains("jane"));
        assertThat(model.bodies().get(0)).contains("placeholder_");
        for (ArtifactRecord artifact : rover.getRunArtifacts(run.runId())) {
            byte[] bytes = rover.readArtifact(artifact);
            assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as(artifact.type() + " " + artifact.artifactId())
                    .doesNotContain(PASSWORD);
        }
        try (Stream<Path> files = Files.walk(data.resolve("rover"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(PASSWORD);
            }
        }
    }

    private static void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String html;
        switch (path) {
            case "/clicked" -> {
                hits.add("clicked");
                html = "ok";
            }
            case "/button" -> html = page("<canvas id=\"c\" width=\"300\" height=\"120\" style=\"position:absolute;left:411px;top:263px\"></canvas>"
                    + "<p id=\"state\">not clicked</p><script>const c = document.getElementById('c'); const g = c.getContext('2d');"
                    + " g.fillStyle = '#22cc44'; g.fillRect(90, 30, 140, 60);"
                    + " c.addEventListener('click', e => { if (e.offsetX >= 90 && e.offsetX < 230 && e.offsetY >= 30 && e.offsetY < 90) {"
                    + " fetch('/clicked', {method: 'POST'}); document.getElementById('state').textContent = 'clicked'; } });</script>");
            case "/login" -> {
                if ("POST".equals(exchange.getRequestMethod())) {
                    hits.add(URLDecoder.decode(body, StandardCharsets.UTF_8) + "&");
                    html = page("<h1>Welcome back</h1>");
                } else {
                    html = page("<form method=\"post\" action=\"/login\"><input name=\"notes\" placeholder=\"notes\""
                            + " style=\"position:absolute;left:40px;top:40px;width:200px\">"
                            + "<div style=\"position:absolute;left:300px;top:200px;padding:14px;background:#00ffff\">"
                            + "<input name=\"password\" type=\"password\" style=\"display:block;width:300px;height:44px;border:0\"></div>"
                            + "<button type=\"submit\" style=\"position:absolute;left:40px;top:400px\">Sign in</button></form>");
                }
            }
            default -> {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
        }
        byte[] out = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("content-type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    private static String page(String body) {
        return "<!doctype html><html><head><title>CUA test</title></head><body style=\"margin:0\">" + body + "</body></html>";
    }
}
