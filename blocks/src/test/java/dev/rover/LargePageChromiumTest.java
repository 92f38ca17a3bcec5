package dev.rover;

import com.sun.net.httpserver.HttpServer;
import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowLoader;
import dev.rover.core.engine.DecideRequest;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.Engine;
import dev.rover.core.engine.ExtractRequest;
import dev.rover.core.engine.Extraction;
import dev.rover.core.engine.Verification;
import dev.rover.core.engine.VerifyRequest;
import dev.rover.core.page.Element;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.page.SelectOption;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import dev.rover.llm.offline.OfflineEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page far larger than the prompt, in real Chromium: the controls the prompt cannot show are only indexed, unless
 * the engine decides from the element list (the offline engine says so), which then gets the page read in full and
 * acts on a select 1,500 fields further down.
 */
class LargePageChromiumTest {

    private static final List<String> saved = new CopyOnWriteArrayList<>();
    private static final List<PageSnapshot> decidedOn = new CopyOnWriteArrayList<>();

    @TempDir
    static Path home;

    private static HttpServer server;
    private static String base;
    private static Rover rover;

    @BeforeAll
    static void start() throws IOException {
        StringBuilder form = new StringBuilder("<html><head><title>Preferences</title></head><body><h1>Preferences</h1>"
                + "<form action=\"/saved\" method=\"get\">");
        for (int i = 1; i <= 1500; i++) {
            form.append("<p><label>Note ").append(i).append(" <input name=\"note").append(i).append("\"></label></p>");
        }
        form.append("<p><label for=\"plan\">Plan</label> <select id=\"plan\" name=\"plan\"><option>Free</option>"
                + "<option>Pro</option></select></p><button type=\"submit\">Save</button></form></body></html>");
        String page = form.toString();
        server = TestPages.serve(site -> {
            site.createContext("/preferences", ex -> TestPages.html(ex, page));
            site.createContext("/saved", ex -> {
                String query = ex.getRequestURI().getRawQuery();
                saved.add(query.substring(query.indexOf("plan=")));
                TestPages.html(ex, "<html><head><title>Saved</title></head><body><h1>Preferences saved</h1></body></html>");
            });
        });
        base = TestPages.base(server);
        rover = Rover.builder().dataDirectory(home).defaultEngine("offline")
                .engine("whole-page", () -> new Capturing("whole-page", new OfflineEngine(), true))
                .engine("prompt-only", () -> new Capturing("prompt-only", new OfflineEngine(), false)).build();
    }

    @AfterAll
    static void stop() {
        TestPages.stop(rover, server);
    }

    @BeforeEach
    void reset() {
        saved.clear();
        decidedOn.clear();
    }

    @Test
    void anEngineThatReadsEveryElementGetsThePageInFullAndActsFarBeyondThePrompt() throws IOException {
        Run run = rover.runWorkflow(workflow("whole-page"), Map.of(), WorkflowRunOptions.waiting());

        assertThat(run.status()).as(String.valueOf(run.failureReason())).isEqualTo(RunStatus.COMPLETED);
        assertThat(saved).containsExactly("plan=Pro");
        PageSnapshot first = decidedOn.get(0);
        assertThat(first.elements()).hasSizeGreaterThan(1500).noneMatch(Element::indexed);
        assertThat(plan(first).options()).extracting(SelectOption::label).containsExactly("Free", "Pro");
    }

    @Test
    void anEngineThatReadsThePromptGetsTheFarControlsOnlyIndexed() throws IOException {
        rover.runWorkflow(workflow("prompt-only"), Map.of(), WorkflowRunOptions.waiting());

        PageSnapshot first = decidedOn.get(0);
        Element plan = plan(first);
        assertThat(plan.indexed()).isTrue();
        assertThat(plan.options()).isEmpty();
        assertThat(first.promptText()).doesNotContain("id=\"" + plan.id() + "\"");
        assertThat(first.elements().stream().filter(Element::inViewport)).isNotEmpty().noneMatch(Element::indexed);
    }

    private static Element plan(PageSnapshot page) {
        return page.elements().stream().filter(e -> e.name().equals("Plan")).findFirst().orElseThrow();
    }

    private static Workflow workflow(String engine) throws IOException {
        return new WorkflowLoader().load("""
                title: large page %s
                workflow_definition:
                  blocks:
                    - block_type: navigation
                      label: plan
                      engine: %s
                      url: %s/preferences
                      max_steps_per_run: 4
                      navigation_goal: |
                        Select "Pro" from "Plan".
                        Click the "Save" button.
                """.formatted(engine, engine, base), "large-page.yaml");
    }

    /** The offline engine, keeping every page it decides on, and saying it reads every element or not. */
    private record Capturing(String name, Engine engine, boolean readsEveryElement) implements Engine {
        @Override
        public Decision decide(DecideRequest request) {
            decidedOn.add(request.page());
            return engine.decide(request);
        }

        @Override
        public Extraction extract(ExtractRequest request) {
            return engine.extract(request);
        }

        @Override
        public Verification verify(VerifyRequest request) {
            return engine.verify(request);
        }
    }
}
