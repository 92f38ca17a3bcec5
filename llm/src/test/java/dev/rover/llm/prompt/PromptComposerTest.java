package dev.rover.llm.prompt;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.page.Tab;
import dev.rover.core.page.Target;
import dev.rover.core.engine.ActionRecord;
import dev.rover.core.engine.DecideRequest;
import dev.rover.core.engine.VerifyRequest;
import dev.rover.llm.fake.Pages;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PromptComposerTest {

    private final PromptComposer composer = new PromptComposer(new PromptTemplates());

    @Test
    void decidePromptKeepsSectionsApartAndListsTabsAndFailedHistory() {
        PageSnapshot base = Pages.login();
        PageSnapshot page = new PageSnapshot(base.url(), base.title(), base.elements(), base.content(), "",
                List.of(new Tab(0, "http://shop.test/login", "Sign in", true), new Tab(1, "http://ads.test", "Ad", false)),
                Instant.now());
        var history = List.of(new ActionRecord(1, new BrowserAction.Click(Target.id("e4")), "submit",
                ActionResult.failed("element e4 is disabled")));
        List<ChatMessage> messages = composer.decide(new DecideRequest("Sign in", null, null, Map.of(), Map.of(), page,
                List.of(new byte[]{1}), history, false, null), false);

        String system = ((SystemMessage) messages.get(0)).text();
        String user = ((UserMessage) messages.get(1)).singleText();
        assertThat(system).contains("in order.\n\nRules:").doesNotContain("Instructions from the workflow");
        assertThat(user).startsWith("User goal:\nSign in\n\nCurrent page: Sign in (http://shop.test/login)")
                .contains("tab 0: Sign in (http://shop.test/login) <- current\ntab 1: Ad (http://ads.test)")
                .contains("step 1: click e4 (submit) -> FAILED: element e4 is disabled")
                .doesNotContain("screenshot", "Error codes", "The goal is complete when");
    }

    @Test
    void observerPromptTextIsUsedWhenPresent() {
        PageSnapshot base = Pages.login();
        PageSnapshot page = new PageSnapshot(base.url(), base.title(), base.elements(), base.content(),
                "<input id=\"Ab3x\" type=\"text\" placeholder=\"Email\">", List.of(), Instant.now());
        List<ChatMessage> messages = composer.verify(new VerifyRequest("Sign in", "the word Welcome is shown", page,
                List.of(), List.of()), false);
        String text = ((UserMessage) messages.get(0)).singleText();
        assertThat(text).contains("<input id=\"Ab3x\" type=\"text\" placeholder=\"Email\">")
                .contains("The goal counts as reached when: the word Welcome is shown")
                .contains("# Sign in").contains("Visible text:\nSign in to Shop")
                .doesNotContain("<button id=\"e4\">");
    }

    @Test
    void correctionListsEveryProblemAndTheValidIds() {
        String text = composer.correction(List.of("first problem", "second problem"), Pages.login()).singleText();
        assertThat(text).isEqualTo("""
                Your previous answer could not be used:
                - first problem
                - second problem

                Answer again with one corrected JSON object in the same shape, and nothing else. \
                Valid element ids on this page: e1, e2, e3, e4.""");
    }
}
