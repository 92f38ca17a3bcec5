package dev.rover.samples.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rover.browser.ChromiumLocator;
import dev.rover.browser.DriverCache;
import dev.rover.core.script.BlockScript;
import dev.rover.core.script.ElementFingerprint;
import dev.rover.core.script.ElementIdentity;
import dev.rover.core.script.ElementLocator;
import dev.rover.core.script.ScriptAction;
import dev.rover.core.script.ScriptKey;
import dev.rover.core.store.JdbcRunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rover scripts export --java} end to end: the exported class is compiled with only the Playwright jars on
 * the class path, run as its own process in headless Chromium against a form this test serves, and the form arrives
 * with the values given to the program (arguments and environment), each element found by another locator strategy.
 */
class ScriptsExportJavaTest {

    private static final String LITERAL = "Hello \"world\" \\ caf\u00e9";

    @TempDir
    Path tmp;

    private static ElementIdentity element(ElementLocator locator, String tag) {
        return new ElementIdentity(locator, new ElementFingerprint(tag, "", "", "", "", -1, -1));
    }

    private static ElementLocator locator(String id, String testId, String name, String role, String accessibleName,
                                          String label, String placeholder, String css, String xpath, List<String> frames) {
        return new ElementLocator(id, testId, name, role, accessibleName, label, placeholder, css, xpath, frames);
    }

    private static List<ScriptAction> formActions() {
        return List.of(
                new ScriptAction("input_text", element(locator("email", null, null, null, null, null, null, null, null, null), "input"),
                        "{{ email }}", Map.of()),
                new ScriptAction("input_text", element(locator(null, null, null, null, null, null, "Full name", null, null, null), "input"),
                        "{{ full_name }}", Map.of()),
                new ScriptAction("select_option", element(locator(null, null, null, null, null, "Country", null, null, null, null), "select"),
                        "Japan", Map.of("by", "label")),
                new ScriptAction("checkbox", element(locator(null, null, null, "checkbox", "Subscribe", null, null, null, null, null), "input"),
                        null, Map.of("checked", true)),
                new ScriptAction("input_text", element(locator(null, null, null, null, null, null, null, null, "//textarea", null), "textarea"),
                        LITERAL, Map.of()),
                new ScriptAction("input_text", element(locator(null, "promo", null, null, null, null, null, null, null, null), "input"),
                        "PROMO-{{ login.code }}", Map.of()),
                new ScriptAction("input_text", element(locator(null, null, "city", null, null, null, null, null, null, null), "input"),
                        "Kyoto", Map.of()),
                new ScriptAction("input_text", element(locator(null, null, null, null, null, null, null, "form input.extra", null, null), "input"),
                        "extra", Map.of()),
                new ScriptAction("input_text", element(locator("note", null, null, null, null, null, null, null, null, List.of("inner")), "input"),
                        "from the frame", Map.of()),
                new ScriptAction("scroll", null, null, Map.of("direction", "down", "pixels", 200)),
                new ScriptAction("click", element(locator(null, null, null, "button", "Send", null, null, null, null, null), "button"),
                        null, Map.of()),
                // clicking the thanks page's link proves the form was answered before the program ends
                new ScriptAction("click", element(locator(null, null, null, "link", "Done", null, null, null, null, null), "a"),
                        null, Map.of()));
    }

    private static final String FORM = """
            <!doctype html><html><body>
            <form action="/submit" method="post">
              <label for="email">Email</label><input id="email" name="email">
              <input name="full_name" placeholder="Full name">
              <label for="country">Country</label>
              <select id="country" name="country"><option value="fr">France</option><option value="jp">Japan</option></select>
              <label><input type="checkbox" name="subscribe" value="yes"> Subscribe</label>
              <textarea name="message"></textarea>
              <input name="promo" data-testid="promo">
              <input name="city">
              <input name="extra" class="extra">
              <input type="hidden" id="frame_value" name="frame_value">
              <iframe name="inner" src="/inner"></iframe>
              <div style="height: 1500px"></div>
              <button type="submit">Send</button>
            </form></body></html>
            """;

    private static final String INNER = """
            <!doctype html><html><body>
            <input id="note" oninput="parent.document.getElementById('frame_value').value = this.value">
            </body></html>
            """;

    @Test
    void theExportedClassNeedsOnlyPlaywrightAndFillsTheFormWithTheGivenValues() throws Exception {
        Path home = tmp.resolve("home");
        BlockScript script;
        try (JdbcRunStore store = JdbcRunStore.open(home)) {
            script = store.scripts().save(new ScriptKey("wpid_form", "default:127.0.0.1", "fill form"), formActions(), "wr_1");
        }
        Path source = tmp.resolve("src").resolve("FillForm.java");
        CliHarness.Result exported = new CliHarness(home, Map.of()).run("scripts", "export", script.scriptId(), "--java",
                "--out", source.toString());
        assertThat(exported.exitCode()).as(exported.err()).isEqualTo(0);
        String java = Files.readString(source);
        assertThat(java.lines().filter(l -> l.startsWith("import "))).allMatch(l ->
                l.startsWith("import com.microsoft.playwright.") || l.startsWith("import java."));
        assertThat(java).contains("// {{ login.code }}: give login.code=VALUE or set LOGIN_CODE",
                ".frameLocator(\"iframe[name=\\\"inner\\\"], frame[name=\\\"inner\\\"]\")",
                "page.mouse().wheel(0, 200);", "new SelectOption().setLabel(\"Japan\")", ".setChecked(true);");

        List<String> playwrightJars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.contains("com/microsoft/playwright") || p.contains("com/google/code/gson")).toList();
        assertThat(playwrightJars).isNotEmpty();
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int compiled = compiler.run(null, diagnostics, diagnostics, "-d", classes.toString(),
                "-cp", String.join(File.pathSeparator, playwrightJars), source.toString());
        assertThat(compiled).as(diagnostics.toString(StandardCharsets.UTF_8)).isEqualTo(0);

        try (FormSite site = new FormSite()) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            DriverCache.prepare();
            if (System.getProperty("playwright.cli.dir") != null) {
                command.add("-Dplaywright.cli.dir=" + System.getProperty("playwright.cli.dir"));
            }
            command.addAll(List.of("-cp", classes + File.pathSeparator + String.join(File.pathSeparator, playwrightJars),
                    "FillForm", site.url(), "email=ada@example.test", "login.code=X42"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("program.log").toFile());
            builder.environment().put("CHROMIUM_PATH", new ChromiumLocator().locate().orElseThrow().toString());
            builder.environment().put("FULL_NAME", "Ada Lovelace");
            Process program = builder.start();
            boolean ended = program.waitFor(120, TimeUnit.SECONDS);
            if (!ended) {
                program.destroyForcibly();
            }
            String log = Files.readString(tmp.resolve("program.log"));
            assertThat(ended).as("the program ended; its output: " + log).isTrue();
            assertThat(program.exitValue()).as(log).isEqualTo(0);

            Map<String, String> form = site.submitted.get(10, TimeUnit.SECONDS);
            assertThat(form).containsEntry("email", "ada@example.test").containsEntry("full_name", "Ada Lovelace")
                    .containsEntry("country", "jp").containsEntry("subscribe", "yes").containsEntry("message", LITERAL)
                    .containsEntry("promo", "PROMO-X42").containsEntry("city", "Kyoto").containsEntry("extra", "extra")
                    .containsEntry("frame_value", "from the frame");
        }
    }

    /** The form, its frame and the thanks page on an ephemeral port of 127.0.0.1; the first submission completes a future. */
    private static final class FormSite implements AutoCloseable {
        final CompletableFuture<Map<String, String>> submitted = new CompletableFuture<>();
        private final HttpServer server;

        FormSite() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String page;
            if (path.equals("/submit") && exchange.getRequestMethod().equals("POST")) {
                Map<String, String> form = new LinkedHashMap<>();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                for (String pair : body.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
                submitted.complete(form);
                page = "<!doctype html><p>Thanks</p><a href=\"/done\">Done</a>";
            } else if (path.equals("/inner")) {
                page = INNER;
            } else if (path.equals("/done")) {
                page = "<!doctype html><p>Done</p>";
            } else {
                page = FORM;
            }
            byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
