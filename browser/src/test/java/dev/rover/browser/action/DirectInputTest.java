package dev.rover.browser.action;

import dev.rover.browser.ActionTestServer;
import dev.rover.browser.BrowserOptions;
import dev.rover.browser.LiveBrowser;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fills, choices and clicks that skip Playwright's extra round trips ({@link DirectInput},
 * {@link FoundElement#clearToClick}), in real headless Chromium against a page served on 127.0.0.1: the page sees
 * exactly the events Playwright's own fill, selectOption, check and click produce, and everything the direct way does
 * not fit (a read-only or number field, a disabled option, a covered or animated element, a recording trace) is
 * left to Playwright.
 */
class DirectInputTest {

    @TempDir
    static Path temp;

    static ActionTestServer server;
    static LiveBrowser browser;

    @BeforeAll
    static void start() throws IOException {
        server = new ActionTestServer();
        browser = LiveBrowser.launch(BrowserOptions.builder().tracing(false).downloadsFolder(temp.resolve("downloads")).build());
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    private static void open() {
        browser.run(p -> p.page().navigate(server.url("/direct.html")));
    }

    private static ActionResult act(BrowserAction action) {
        return browser.call(p -> ActionExecutor.withDefaults().execute(p, action));
    }

    private static FoundElement find(String id) {
        return browser.call(p -> ElementFinder.find(p.page(), Target.id(id), true));
    }

    private static boolean fillDirectly(String id, String text, boolean tracing) {
        Boolean filled = browser.call(p -> DirectInput.fill(ElementFinder.find(p.page(), Target.id(id), true), text, tracing));
        return filled;
    }

    private static boolean chooseDirectly(String id, int index) {
        Boolean chosen = browser.call(p -> DirectInput.choose(ElementFinder.find(p.page(), Target.id(id), true), index, false));
        return chosen;
    }

    private static String value(String css) {
        return browser.call(p -> p.page().inputValue(css));
    }

    /** Fills three fields, chooses an option, checks the box and clicks the button; returns what the page saw. */
    private static List<Object> fillTheForm() {
        open();
        for (BrowserAction action : List.of(new BrowserAction.InputText(Target.id("d1"), "Ada Lovelace"),
                new BrowserAction.InputText(Target.id("d2"), "ada@example.test"),
                new BrowserAction.InputText(Target.id("d3"), "Analytical engine"),
                new BrowserAction.SelectOption(Target.id("d6"), "Pro", null, null),
                new BrowserAction.Checkbox(Target.id("d7"), true),
                new BrowserAction.Click(Target.id("d8")))) {
            ActionResult result = act(action);
            assertThat(result.success()).as(action + ": " + result.failureReason()).isTrue();
        }
        @SuppressWarnings("unchecked")
        List<Object> events = (List<Object>) browser.call(p -> p.page().evaluate("window.events"));
        return List.of(events, value("#name"), value("#email"), value("#note"), value("#plan"),
                browser.call(p -> p.page().isChecked("#terms")));
    }

    @Test
    void thePageSeesWhatPlaywrightsOwnActionsProduce() throws IOException {
        List<Object> direct = fillTheForm();
        assertThat(direct.subList(1, direct.size())).containsExactly("Ada Lovelace", "ada@example.test", "Analytical engine", "pro", true);
        assertThat(direct.get(0)).asList().contains("focus:name:true:", "input:name:true:insertText", "input:note:true:insertText",
                "input:plan:false:", "change:plan:false:", "click:terms:true:", "change:terms:true:", "click:send:true:",
                "submit:f:true:");

        // a recording trace makes every action Playwright's own, as the trace must show it
        browser.startTracing();
        try {
            assertThat(fillTheForm()).isEqualTo(direct);
        } finally {
            browser.stopTracing(temp.resolve("trace.zip"));
        }
        assertThat(Files.size(temp.resolve("trace.zip"))).isPositive();
    }

    @Test
    void aPlainTextFieldOrSelectIsFilledDirectlyAndAnythingElseIsLeftToPlaywright() {
        open();
        assertThat(fillDirectly("d1", "Grace", false)).isTrue();
        assertThat(value("#name")).isEqualTo("Grace");
        assertThat(fillDirectly("d1", "Grace Hopper", true)).as("while tracing").isFalse();
        assertThat(fillDirectly("d4", "42", false)).as("a number field").isFalse();
        assertThat(fillDirectly("d5", "changed", false)).as("a read-only field").isFalse();
        assertThat(value("#code")).isEqualTo("fixed");
        assertThat(chooseDirectly("d6", 2)).as("a disabled option").isFalse();
        assertThat(value("#plan")).isEqualTo("basic");
        assertThat(chooseDirectly("d6", 1)).isTrue();
        assertThat(value("#plan")).isEqualTo("pro");

        // what Playwright then says about the read-only field and the disabled option
        assertThat(act(new BrowserAction.InputText(Target.id("d5"), "changed")).failureReason()).isEqualTo("element d5 is not editable");
        assertThat(act(new BrowserAction.InputText(Target.id("d4"), "42")).success()).isTrue();
        assertThat(value("#age")).isEqualTo("42");
    }

    @Test
    void aClickSkipsPlaywrightsWaitsOnlyForAStillUncoveredElement() {
        open();
        assertThat(find("d8").clearToClick()).isTrue();
        browser.run(p -> p.page().evaluate("document.getElementById('veil').classList.add('shown')"));
        assertThat(find("d8").clearToClick()).as("covered by the veil").isFalse();
        browser.run(p -> p.page().evaluate("document.getElementById('veil').classList.remove('shown');"
                + " document.getElementById('note').classList.add('moving')"));
        assertThat(find("d8").clearToClick()).as("something on the page is animating").isFalse();
        browser.run(p -> p.page().evaluate("document.getElementById('note').classList.remove('moving')"));
        assertThat(find("d8").clearToClick()).isTrue();
    }
}
