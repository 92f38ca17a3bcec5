package dev.rover.blocks.agent;

import dev.rover.blocks.fakes.FakeBrowser;
import dev.rover.blocks.fakes.Pages;
import dev.rover.blocks.fakes.PlaceholderSecrets;
import dev.rover.core.exec.BlockStatus;
import dev.rover.core.json.Json;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.Element;
import dev.rover.core.page.PageContent;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.Verification;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.rover.blocks.agent.LoopFixture.ONE_CALL;
import static dev.rover.blocks.agent.LoopFixture.act;
import static dev.rover.blocks.agent.LoopFixture.click;
import static dev.rover.blocks.agent.LoopFixture.type;
import static org.assertj.core.api.Assertions.assertThat;

class AgentLoopSecretsTest {

    static final String USER = "alice.secret@corp.test";
    static final String PASSWORD = "hunter2-XyZ-991";

    /** A page after logging in that shows the username back, in every place a page can. */
    static PageSnapshot echoingPage() {
        Element field = Element.builder("a1", "input").name("Account " + USER).value(USER).attribute("title", USER).build();
        return new PageSnapshot("https://shop.test/home?u=" + USER, "Hello " + USER, List.of(field),
                new PageContent("Signed in as " + USER, List.of(new PageContent.Heading(1, "Welcome " + USER)),
                        List.of(new PageContent.Table("Account", List.of("user"), List.of(List.of(USER)))),
                        List.of(new PageContent.LabeledValue("User", USER))),
                "<input value=\"" + USER + "\">", List.of(), Instant.now());
    }

    @Test
    void theEngineSeesOnlyPlaceholdersAndTheBrowserGetsRealValuesOnlyThroughTheResolver() {
        var secrets = new PlaceholderSecrets("{{ cred.username }}", USER).and("{{ cred.password }}", PASSWORD);
        var browser = new FakeBrowser(Pages.page("https://shop.test/login", "Sign in"), echoingPage());
        browser.script(ActionResult.ok(), ActionResult.ok(),
                ActionResult.ok().withDialog("Welcome back " + USER),
                ActionResult.failed("the field " + USER + " is read-only"));
        var f = new LoopFixture(browser).withSecrets(secrets);
        f.engine.decide(act("log in with " + "{{ cred.username }}", type("a1", "{{ cred.username }}"),
                type("a2", "{{ cred.password }}"), click("a3")));
        f.engine.verify(new Verification(Verification.Status.NOT_ACHIEVED, "not sure yet", ONE_CALL));
        f.engine.decide(act("retype", type("a1", "{{ cred.username }}")));
        f.engine.decide(Decision.terminate("cannot continue as " + "{{ cred.username }}", List.of("LOCKED"), ONE_CALL));

        AgentOutcome outcome = f.run(AgentGoal.builder("login", "Log in")
                .userDetails(Map.of("cred", Map.of("username", "{{ cred.username }}", "password", "{{ cred.password }}")))
                .historyInVerification(true).build());

        assertThat(outcome.status()).isEqualTo(BlockStatus.TERMINATED);
        assertThat(browser.typed).containsExactly(USER, PASSWORD, USER);
        assertThat(secrets.resolved).contains("{{ cred.username }}", "{{ cred.password }}");
        String seenByEngine = String.valueOf(f.engine.decideRequests) + f.engine.verifyRequests;
        assertThat(seenByEngine).contains("{{ cred.username }}").doesNotContain(USER).doesNotContain(PASSWORD);
        assertThat(f.engine.decideRequests.get(1).page().content().visibleText()).isEqualTo("Signed in as {{ cred.username }}");
        String recorded = Json.compact(f.steps) + Json.compact(outcome) + String.valueOf(outcome);
        assertThat(recorded).doesNotContain(USER).doesNotContain(PASSWORD);
        assertThat(f.artifacts.recorded).allSatisfy(r -> assertThat(r.text()).doesNotContain(USER).doesNotContain(PASSWORD));
    }

    @Test
    void anEngineErrorQuotingASecretIsRedactedInTheStep() {
        var secrets = new PlaceholderSecrets("{{ cred.password }}", PASSWORD);
        var f = new LoopFixture(new FakeBrowser(Pages.page("https://shop.test/login", "Sign in"))).withSecrets(secrets);
        f.engine.decideWith(r -> {
            throw new IllegalArgumentException("bad request near '" + PASSWORD + "'");
        });
        f.engine.decide(LoopFixture.complete("done"));

        f.run(AgentGoal.builder("login", "Log in").verifyCompletion(false).build());

        assertThat(f.steps.get(0).failureReason()).contains("{{ cred.password }}").doesNotContain(PASSWORD);
    }
}
