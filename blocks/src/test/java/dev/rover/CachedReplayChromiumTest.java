package dev.rover;

import com.sun.net.httpserver.HttpServer;
import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowLoader;
import dev.rover.core.definition.WorkflowSettings.RunWith;
import dev.rover.core.engine.DecideRequest;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.Engine;
import dev.rover.core.engine.ExtractRequest;
import dev.rover.core.engine.Extraction;
import dev.rover.core.engine.Verification;
import dev.rover.core.engine.VerifyRequest;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.ScriptRun;
import dev.rover.llm.offline.OfflineEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cached replay ({@code run_with: code}) end to end in real headless Chromium with the offline engine, against
 * pages this test serves on 127.0.0.1: recording, replays with no engine call, new parameter values, the fingerprint
 * check catching swapped buttons, healing through the agent, and a field that disappeared.
 */
class CachedReplayChromiumTest {

    /** Which variant of the form the server shows: 0 as recorded, 1 with Save and Cancel swapped, 2 without the Email field. */
    private static volatile int variant;
    private static final List<Map<String, String>> submitted = new CopyOnWriteArrayList<>();
    private static final AtomicInteger engineCalls = new AtomicInteger();
    private static final String PASSWORD = "Tr0ub4dor-and-3-horses";
    private static final List<String> logins = new CopyOnWriteArrayList<>();

    @TempDir
    static Path home;
    @TempDir
    static Path files;

    private static HttpServer server;
    private static String base;
    private static Rover rover;

    @BeforeAll
    static void start() throws IOException {
        server = TestPages.serve(site -> {
            site.createContext("/form", ex -> TestPages.html(ex, form()));
            site.createContext("/done", ex -> {
                submitted.add(query(ex.getRequestURI().getRawQuery()));
                TestPages.html(ex, "<html><head><title>Sent</title></head><body><h1>Message sent</h1></body></html>");
            });
            site.createContext("/login", ex -> TestPages.html(ex, """
                    <html><head><title>Sign in</title></head><body><h1>Sign in</h1><form action="/session" method="post">
                    <p><label for="user">Email</label> <input id="user" name="user" type="email"></p>
                    <p><label for="pass">Password</label> <input id="pass" name="pass" type="password"></p>
                    <button type="submit">Sign in</button></form></body></html>"""));
            site.createContext("/session", ex -> {
                Map<String, String> form = query(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                logins.add(form.get("user") + ":" + form.get("pass"));
                ex.getResponseHeaders().add("Location", "/welcome");
                ex.sendResponseHeaders(303, -1);
                ex.close();
            });
            site.createContext("/welcome", ex -> TestPages.html(ex, "<html><head><title>Home</title></head><body><h1>Welcome back</h1></body></html>"));
        });
        base = TestPages.base(server);
        rover = Rover.builder().dataDirectory(home).defaultEngine("counting")
                .engine("counting", () -> new CountingEngine(new OfflineEngine())).build();
    }

    @AfterAll
    static void stop() {
        TestPages.stop(rover, server);
    }

    @BeforeEach
    void reset() {
        variant = 0;
        submitted.clear();
    }

    @Test
    void theSecondRunReplaysWithoutTheEngineAndTypesNewParameterValues() throws IOException {
        Workflow workflow = workflow("same-page", "true");
        Run first = run(workflow, Map.of("name", "Ada Lovelace", "email", "ada@example.com"));
        assertThat(first.status()).as(String.valueOf(first.failureReason())).isEqualTo(RunStatus.COMPLETED);
        assertThat(first.scriptRun().blocks()).singleElement().satisfies(b -> {
            assertThat(b.mode()).isEqualTo(ScriptRun.Mode.AGENT);
            assertThat(b.revision()).isEqualTo(1);
        });
        assertThat(first.runWith()).isEqualTo("code");

        int before = engineCalls.get();
        Run second = run(workflow, Map.of("name", "Ada Lovelace", "email", "ada@example.com"));
        assertThat(second.status()).as(String.valueOf(second.failureReason())).isEqualTo(RunStatus.COMPLETED);
        assertThat(engineCalls.get() - before).as("engine calls in the replay").isZero();
        assertThat(second.stepCount()).isZero();
        assertThat(second.scriptRun().blocks()).singleElement().satisfies(b -> assertThat(b.mode()).isEqualTo(ScriptRun.Mode.REPLAYED));
        assertThat(submitted).hasSize(2);
        assertThat(submitted.get(1)).isEqualTo(submitted.get(0))
                .containsEntry("name", "Ada Lovelace").containsEntry("email", "ada@example.com")
                .containsEntry("plan", "pro").containsEntry("terms", "on").containsEntry("action", "save");

        Run third = run(workflow, Map.of("name", "Grace Hopper", "email", "grace@example.com"));
        assertThat(third.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(engineCalls.get() - before).isZero();
        assertThat(submitted.get(2)).containsEntry("name", "Grace Hopper").containsEntry("email", "grace@example.com");
    }

    @Test
    void swappedButtonsAreCaughtByTheFingerprintAndTheAgentHealsTheScript() throws IOException {
        Workflow workflow = workflow("swap", "true");
        assertThat(run(workflow, Map.of("name", "Ada", "email", "ada@example.com")).status()).isEqualTo(RunStatus.COMPLETED);

        variant = 1; // #save now reads "Cancel": the recorded selector finds the wrong control
        Run healed = run(workflow, Map.of("name", "Ada", "email", "ada@example.com"));
        assertThat(healed.status()).as(String.valueOf(healed.failureReason())).isEqualTo(RunStatus.COMPLETED);
        assertThat(healed.scriptRun().aiFallbackTriggered()).isTrue();
        assertThat(healed.scriptRun().blocks()).singleElement().satisfies(b -> {
            assertThat(b.mode()).isEqualTo(ScriptRun.Mode.FALLBACK);
            assertThat(b.reason()).contains("click on button 'Save'").contains("found 'Cancel'");
            assertThat(b.revision()).isEqualTo(2);
        });
        assertThat(submitted.get(1)).containsEntry("action", "save");
        assertThat(java.nio.file.Files.readString(rover.reportPath(healed.runId()).orElseThrow()))
                .contains("<span class=\"mode fallback\"").contains("found &#39;Cancel&#39;");

        int before = engineCalls.get();
        Run third = run(workflow, Map.of("name", "Ada", "email", "ada@example.com"));
        assertThat(third.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(engineCalls.get() - before).isZero();
        assertThat(third.scriptRun().blocks()).singleElement().satisfies(b -> {
            assertThat(b.mode()).isEqualTo(ScriptRun.Mode.REPLAYED);
            assertThat(b.revision()).isEqualTo(2);
        });
        assertThat(submitted.get(2)).containsEntry("action", "save");
        assertThat(java.nio.file.Files.readString(rover.reportPath(third.runId()).orElseThrow())).contains("<span class=\"mode replayed\"");
    }

    @Test
    void aFieldThatDisappearedFallsBackOrFailsClearlyWithoutFallback() throws IOException {
        Workflow withFallback = workflow("gone-fallback", "true");
        Workflow withoutFallback = workflow("gone-strict", "false");
        assertThat(run(withFallback, Map.of("name", "Ada", "email", "ada@example.com")).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run(withoutFallback, Map.of("name", "Ada", "email", "ada@example.com")).status()).isEqualTo(RunStatus.COMPLETED);

        variant = 2;
        Run fallback = run(withFallback, Map.of("name", "Ada", "email", "ada@example.com"));
        assertThat(fallback.scriptRun().aiFallbackTriggered()).isTrue();
        assertThat(fallback.scriptRun().blocks()).singleElement().satisfies(b -> {
            assertThat(b.mode()).isEqualTo(ScriptRun.Mode.FALLBACK);
            assertThat(b.reason()).contains("input_text on textbox 'Email'").contains("no element");
        });

        int before = engineCalls.get();
        Run strict = run(withoutFallback, Map.of("name", "Ada", "email", "ada@example.com"));
        assertThat(strict.status()).isEqualTo(RunStatus.FAILED);
        assertThat(engineCalls.get() - before).isZero();
        assertThat(strict.failureReason()).contains("input_text on textbox 'Email'").contains("no element")
                .contains("ai_fallback is off");
        assertThat(strict.scriptRun().aiFallbackTriggered()).isFalse();
        // a replay is not traced (on-failure): the run says why, and a screenshot shows the page where it stopped
        assertThat(strict.recordingUrl()).isNull();
        assertThat(strict.recordingNote()).contains("replayed from its script").contains("ROVER_TRACE=always");
        assertThat(rover.getRunArtifacts(strict.runId(), ArtifactType.SCREENSHOT_ACTION))
                .anySatisfy(a -> assertThat(a.uri()).contains("replay-mismatch"));
        // the agent that took over is traced from there: it could not complete either (the field is gone), so the trace is kept
        assertThat(fallback.status()).isNotEqualTo(RunStatus.COMPLETED);
        assertThat(fallback.recordingUrl()).isNotNull();
    }

    @Test
    void aLoginScriptHoldsOnlyCredentialReferencesAndNoSecretIsStoredAnywhere() throws IOException {
        rover.credentials().addPassword("replay-shop", "ann@shop.test", PASSWORD, null);
        String yaml = """
                title: replay login
                run_with: code
                workflow_definition:
                  parameters:
                    - {key: shop, parameter_type: credential, credential_id: replay-shop}
                  blocks:
                    - block_type: login
                      label: sign_in
                      url: %s/login
                      parameter_keys: [shop]
                      complete_criterion: URL contains /welcome
                """.formatted(base);
        Workflow workflow = new WorkflowLoader().load(yaml, "login.yaml");
        Run first = rover.runWorkflow(workflow, Map.of(), WorkflowRunOptions.waiting());
        assertThat(first.status()).as(String.valueOf(first.failureReason())).isEqualTo(RunStatus.COMPLETED);
        int before = engineCalls.get();
        Run second = rover.runWorkflow(workflow, Map.of(), WorkflowRunOptions.waiting());
        assertThat(second.status()).as(String.valueOf(second.failureReason())).isEqualTo(RunStatus.COMPLETED);
        assertThat(engineCalls.get() - before).isZero();
        assertThat(second.scriptRun().blocks()).singleElement().satisfies(b -> assertThat(b.mode()).isEqualTo(ScriptRun.Mode.REPLAYED));
        assertThat(logins).containsOnly("ann@shop.test:" + PASSWORD);

        var scriptFiles = rover.getRunArtifacts(second.runId(), dev.rover.core.run.ArtifactType.SCRIPT_FILE);
        assertThat(scriptFiles).hasSize(1);
        String script = java.nio.file.Files.readString(Path.of(java.net.URI.create(scriptFiles.get(0).uri())));
        assertThat(script).contains("{{ shop.username }}").contains("{{ shop.password }}");
        try (var files = java.nio.file.Files.walk(home)) {
            for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                if (file.toString().contains("credentials")) {
                    continue; // the encrypted vault itself
                }
                String content = new String(java.nio.file.Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (int i = 0; i + 6 <= PASSWORD.length(); i++) {
                    assertThat(content).as("%s holds part of the password", file).doesNotContain(PASSWORD.substring(i, i + 6));
                }
            }
        }
    }

    @Test
    void aReplayNeverActsOnAnotherOrigin() throws IOException {
        String yaml = """
                title: replay origin
                run_with: code
                ai_fallback: false
                cache_key: origin
                workflow_definition:
                  parameters:
                    - {key: start, parameter_type: workflow, workflow_parameter_type: string}
                  blocks:
                    - block_type: navigation
                      label: fill
                      url: "{{ start }}"
                      navigation_goal: |
                        Enter "Ada" into "Name".
                        Click the "Save" button.
                """;
        Workflow workflow = new WorkflowLoader().load(yaml, "origin.yaml");
        Run recorded = run(workflow, Map.of("start", base + "/form"));
        assertThat(recorded.status()).as(String.valueOf(recorded.failureReason())).isEqualTo(RunStatus.COMPLETED);
        int submissions = submitted.size();

        // the same page on another origin (localhost instead of 127.0.0.1): the script's elements are all there
        Run elsewhere = run(workflow, Map.of("start", base.replace("127.0.0.1", "localhost") + "/form"));
        assertThat(elsewhere.status()).isEqualTo(RunStatus.FAILED);
        assertThat(elsewhere.failureReason()).contains("action 1 (input_text on textbox 'Name')")
                .contains("but the script acted on " + base).contains("never acts on another origin");
        assertThat(submitted).hasSize(submissions);
    }

    @Test
    void runOptionsBeatTheWorkflowsRunWith() throws IOException {
        Workflow workflow = workflow("options", "true");
        run(workflow, Map.of("name", "Ada", "email", "ada@example.com"));
        int before = engineCalls.get();
        Run agent = rover.runWorkflow(workflow, Map.of("name", "Ada", "email", "ada@example.com"),
                WorkflowRunOptions.builder().waitForCompletion(true).runWith(RunWith.AGENT).build());
        assertThat(agent.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(engineCalls.get() - before).isPositive();
        assertThat(agent.runWith()).isEqualTo("agent");
        assertThat(agent.scriptRun().blocks()).singleElement().satisfies(b -> {
            assertThat(b.mode()).isEqualTo(ScriptRun.Mode.AGENT);
            assertThat(b.reason()).contains("unchanged");
        });
    }

    @Test
    void aPublishedTaskBecomesAWorkflowThatReplaysItsScript() {
        Run task = rover.runTask(TaskRequest.builder("Enter \"Lin\" into \"Name\". Enter \"lin@example.com\" into \"Email\". "
                        + "Select \"Pro\" from \"Plan\". Check \"I agree to the terms\". Click the \"Save\" button.")
                .url(base + "/form").waitForCompletion(true).publishWorkflow(true).build());
        assertThat(task.status()).as(String.valueOf(task.failureReason())).isEqualTo(RunStatus.COMPLETED);
        ScriptRun published = task.scriptRun();
        assertThat(published.publishedWorkflowId()).startsWith("wpid_");
        Path file = Path.of(published.publishedWorkflowFile());
        assertThat(file).exists();
        assertThat(rover.workflows().latest(published.publishedWorkflowId())).isPresent();

        int before = engineCalls.get();
        Run replay = rover.runWorkflow(file, Map.of(), WorkflowRunOptions.waiting());
        assertThat(replay.status()).as(String.valueOf(replay.failureReason())).isEqualTo(RunStatus.COMPLETED);
        assertThat(engineCalls.get() - before).isZero();
        assertThat(replay.runWith()).isEqualTo("code");
        assertThat(replay.scriptRun().blocks()).singleElement().satisfies(b -> {
            assertThat(b.mode()).isEqualTo(ScriptRun.Mode.REPLAYED);
            assertThat(b.scriptId()).isEqualTo(published.scriptId());
        });
        assertThat(submitted.get(submitted.size() - 1)).containsEntry("name", "Lin").containsEntry("action", "save");
    }

    private static Run run(Workflow workflow, Map<String, Object> parameters) {
        return rover.runWorkflow(workflow, parameters, WorkflowRunOptions.waiting());
    }

    /** A workflow with run_with: code; its title keeps each test's scripts apart (the cache key is the title). */
    private static Workflow workflow(String name, String aiFallback) throws IOException {
        String yaml = """
                title: replay %s
                run_with: code
                ai_fallback: %s
                cache_key: %s
                workflow_definition:
                  parameters:
                    - {key: name, parameter_type: workflow, workflow_parameter_type: string}
                    - {key: email, parameter_type: workflow, workflow_parameter_type: string}
                  blocks:
                    - block_type: navigation
                      label: fill
                      url: %s/form
                      navigation_goal: |
                        Enter "{{ name }}" into "Name".
                        Enter "{{ email }}" into "Email".
                        Select "Pro" from "Plan".
                        Check "I agree to the terms".
                        Click the "Save" button.
                      complete_criterion: the page shows "Message sent"
                """.formatted(name, aiFallback, name, base);
        Path file = files.resolve(name + ".yaml");
        java.nio.file.Files.writeString(file, yaml);
        return new WorkflowLoader().load(file);
    }

    private static String form() {
        String save = variant == 1 ? "cancel" : "save";
        String cancel = variant == 1 ? "save" : "cancel";
        String email = variant == 2 ? "" : """
                <p><label for="email">Email</label> <input id="email" name="email" type="email"></p>""";
        return """
                <html><head><title>Contact</title></head><body><h1>Contact us</h1>
                <form action="/done" method="get">
                <p><label for="name">Name</label> <input id="name" name="name"></p>
                %s
                <p><label for="plan">Plan</label> <select id="plan" name="plan"><option value="free">Free</option>
                <option value="pro">Pro</option></select></p>
                <p><label><input type="checkbox" name="terms"> I agree to the terms</label></p>
                <button id="%s" name="action" value="%s" type="submit">Save</button>
                <button id="%s" name="action" value="cancel" type="submit">Cancel</button>
                </form></body></html>""".formatted(email, save, "save", cancel);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** The offline engine, counting every call a run makes to it. */
    private record CountingEngine(Engine engine) implements Engine {
        @Override
        public String name() {
            return "counting";
        }

        @Override
        public boolean readsEveryElement() {
            return engine.readsEveryElement();
        }

        @Override
        public Decision decide(DecideRequest request) {
            engineCalls.incrementAndGet();
            return engine.decide(request);
        }

        @Override
        public Extraction extract(ExtractRequest request) {
            engineCalls.incrementAndGet();
            return engine.extract(request);
        }

        @Override
        public Verification verify(VerifyRequest request) {
            engineCalls.incrementAndGet();
            return engine.verify(request);
        }
    }
}
