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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fills, choices and clicks that skip Playwright's extra round trips ({@link DirectInput},
 * {@link FoundElement#clearToClick}, {@link ClickGuard}), in real headless Chromium against a page served on
 * 127.0.0.1: the page sees exactly the events Playwright's own fill, selectOption, check and click produce; everything
 * the direct way does not fit (a read-only, number or aria-disabled field, a disabled option, a covered, moving or
 * scrolled-to element, a recording trace) is left to Playwright; and a click that an overlay
 * would catch after the facts were read is stopped before the page sees it.
 */
class DirectInputTest extends ActionPageTest {

    private static void open() {
        open("/direct.html");
    }

    private static ActionResult act(BrowserAction action) {
        return act(ActionExecutor.withDefaults(), action);
    }

    private static FoundElement find(String id) {
        return browser.call(p -> ElementFinder.find(p.page(), Target.id(id), true));
    }

    private static boolean fillDirectly(String id, String text, boolean direct) {
        Boolean filled = browser.call(p -> DirectInput.fill(ElementFinder.find(p.page(), Target.id(id), true), text, direct));
        return filled;
    }

    private static boolean chooseDirectly(String id, int index) {
        Boolean chosen = browser.call(p -> DirectInput.choose(ElementFinder.find(p.page(), Target.id(id), true), index, true));
        return chosen;
    }

    @SuppressWarnings("unchecked")
    private static List<String> events() {
        return (List<String>) browser.call(p -> p.page().evaluate("window.events"));
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
        return List.of(events(), value("#name"), value("#email"), value("#note"), value("#plan"),
                browser.call(p -> p.page().isChecked("#terms")));
    }

    @Test
    void thePageSeesWhatPlaywrightsOwnActionsProduce() throws IOException {
        List<Object> direct = fillTheForm();
        assertThat(direct.subList(1, direct.size())).containsExactly("Ada Lovelace", "ada@example.test", "Analytical engine", "pro", true);
        assertThat(direct.get(0)).asList().contains("focus:name:true:", "input:name:true:insertText", "input:note:true:insertText",
                "input:plan:false:", "change:plan:false:", "click:terms:true:", "change:terms:true:", "click:send:true:",
                "submit:f:true:");

        // a recording trace makes every action Playwright's own, and the trace shows each one
        browser.startTracing();
        try {
            assertThat(fillTheForm()).isEqualTo(direct);
        } finally {
            browser.stopTracing(temp.resolve("trace.zip"));
        }
        StringBuilder trace = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(temp.resolve("trace.zip")))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().endsWith(".trace")) {
                    trace.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        for (String method : List.of("fill", "selectOption", "check", "click")) {
            assertThat(trace.toString()).as("a traced " + method).contains("\"method\":\"" + method + "\"");
        }
    }

    @Test
    void aPlainTextFieldOrSelectIsFilledDirectlyAndAnythingElseIsLeftToPlaywright() {
        open();
        assertThat(fillDirectly("d1", "Grace", true)).isTrue();
        assertThat(fillDirectly("d2", "grace@example.test", true)).isTrue();
        assertThat(fillDirectly("d3", "Compilers", true)).isTrue();
        assertThat(List.of(value("#name"), value("#email"), value("#note"))).containsExactly("Grace", "grace@example.test", "Compilers");
        assertThat(fillDirectly("d1", "Grace Hopper", false)).as("while a trace records or the tab navigates").isFalse();
        assertThat(fillDirectly("d4", "42", true)).as("a number field").isFalse();
        assertThat(fillDirectly("d5", "changed", true)).as("a read-only field").isFalse();
        assertThat(fillDirectly("d9", "changed", true)).as("a field in an aria-disabled group").isFalse();
        assertThat(List.of(value("#name"), value("#code"), value("#locked"))).containsExactly("Grace", "fixed", "");
        assertThat(chooseDirectly("d6", 2)).as("a disabled option").isFalse();
        assertThat(value("#plan")).isEqualTo("basic");
        assertThat(chooseDirectly("d6", 1)).isTrue();
        assertThat(value("#plan")).isEqualTo("pro");

        // what Playwright then does with them (it waits for the field to become editable, here for 0.8 s)
        ActionExecutor quick = ActionExecutor.builder().timeout(Duration.ofMillis(800)).build();
        assertThat(browser.call(p -> quick.execute(p, new BrowserAction.InputText(Target.id("d5"), "changed"))).failureReason())
                .isEqualTo("element d5 is not editable");
        assertThat(browser.call(p -> quick.execute(p, new BrowserAction.InputText(Target.id("d9"), "changed"))).failureReason())
                .isEqualTo("element d9 is disabled");
        assertThat(act(new BrowserAction.InputText(Target.id("d4"), "42")).success()).isTrue();
        assertThat(value("#age")).isEqualTo("42");
    }

    @Test
    void aClickSkipsPlaywrightsWaitsOnlyForAStillUncoveredElement() {
        open();
        assertThat(find("d8").clearToClick()).isTrue();
        assertThat(find("d10").clearToClick()).as("it had to be scrolled into view").isFalse();
        assertThat(find("d10").clearToClick()).as("in view now").isTrue();
        browser.run(p -> p.page().evaluate("window.scrollTo(0, 0); document.getElementById('veil').classList.add('shown')"));
        assertThat(find("d8").clearToClick()).as("covered by the veil").isFalse();
        browser.run(p -> p.page().evaluate("document.getElementById('veil').classList.remove('shown');"
                + " document.getElementById('note').classList.add('moving')"));
        assertThat(find("d8").clearToClick()).as("something on the page is animating").isFalse();
        browser.run(p -> p.page().evaluate("document.getElementById('note').classList.remove('moving')"));
        assertThat(find("d8").clearToClick()).isTrue();
    }

    @Test
    void aClickThatAnOverlayWouldCatchIsStoppedAndLeftToPlaywright() {
        ActionExecutor quick = ActionExecutor.builder().timeout(Duration.ofMillis(800)).build();
        open();
        browser.run(p -> p.page().evaluate("document.getElementById('veil').classList.add('shown')"));
        ActionResult covered = browser.call(p -> quick.execute(p, new BrowserAction.Click(Target.id("d8"))));
        assertThat(covered.failureReason()).startsWith("element d8 is covered by another element").contains("veil");

        // the veil appears only as the mouse moves to the button: after the facts said it was clear
        open();
        browser.run(p -> p.page().evaluate("window.veilOnMove = true"));
        assertThat(find("d8").clearToClick()).isTrue();
        ActionResult caught = browser.call(p -> quick.execute(p, new BrowserAction.Click(Target.id("d8"))));
        assertThat(caught.failureReason()).startsWith("element d8 is covered by another element").contains("veil");
        assertThat(events()).noneMatch(e -> e.startsWith("click:") || e.startsWith("submit:"));
    }
}
