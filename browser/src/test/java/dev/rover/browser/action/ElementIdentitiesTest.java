package dev.rover.browser.action;

import dev.rover.browser.BrowserOptions;
import dev.rover.browser.LiveBrowser;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.LocatedElement;
import dev.rover.core.page.Target;
import dev.rover.core.script.ElementIdentity;
import dev.rover.core.script.ElementLocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an action reads about its element for a recorded script, and finding that element again on a replay, in
 * real headless Chromium: every locator strategy, the fingerprint that tells swapped controls apart, and a control
 * that is gone.
 */
class ElementIdentitiesTest {

    private static final String FORM = """
            <html><body><h1>Contact</h1><form id="contact">
            <p><label for="name">Your name</label> <input id="name" name="name" placeholder="Full name"></p>
            <table><tr><td>Invoice 7</td><td><button data-testid="approve-7">Approve</button></td></tr>
            <tr><td>Invoice 8</td><td><button>Approve</button></td></tr></table>
            <button id="save" type="button">Save</button> <button id="cancel" type="button">Cancel</button>
            </form></body></html>""";

    static LiveBrowser browser;

    @BeforeAll
    static void start() {
        browser = LiveBrowser.launch(BrowserOptions.builder().tracing(false).build());
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    private static ElementIdentity identityOf(String selector) {
        browser.run(p -> p.page().setContent(FORM));
        ActionResult result = browser.call(p -> ActionExecutor.withDefaults().execute(p, new BrowserAction.Hover(Target.selector(selector))));
        assertThat(result.success()).as(result.failureReason()).isTrue();
        assertThat(result.element()).isNotNull();
        return result.element();
    }

    private static Optional<LocatedElement> locate(String html, ElementLocator locator) {
        browser.run(p -> p.page().setContent(html));
        return browser.call(p -> ElementIdentities.locate(p.page(), locator));
    }

    @Test
    void aFieldIsIdentifiedByIdNameLabelPlaceholderAndPath() {
        ElementIdentity field = identityOf("#name");
        ElementLocator l = field.locator();
        assertThat(l.id()).isEqualTo("name");
        assertThat(l.nameAttribute()).isEqualTo("name");
        assertThat(l.role()).isEqualTo("textbox");
        assertThat(l.label()).isEqualTo("Your name");
        assertThat(l.placeholder()).isEqualTo("Full name");
        assertThat(l.css()).startsWith("#contact > ");
        assertThat(l.xpath()).startsWith("/html[1]/body[1]/form[1]");
        assertThat(l.framePath()).isEmpty();
        assertThat(field.fingerprint().tag()).isEqualTo("input");
        assertThat(field.fingerprint().label()).isEqualTo("Your name");
    }

    @Test
    void aRepeatedButtonIsToldApartByItsRow() {
        ElementIdentity second = identityOf("xpath=//tr[2]//button");
        assertThat(second.fingerprint().name()).isEqualTo("Approve");
        assertThat(second.fingerprint().nearbyText()).contains("Invoice 8");
        assertThat(second.locator().id()).isEmpty();
        ElementIdentity first = identityOf("[data-testid=approve-7]");
        assertThat(first.locator().testId()).isEqualTo("approve-7");
        assertThat(first.fingerprint().differenceFrom(second.fingerprint())).contains("Invoice 8");
    }

    @Test
    void theRecordedElementIsFoundAgainAndMarkedForTheNextAction() {
        ElementIdentity save = identityOf("#save");
        Optional<LocatedElement> found = locate(FORM, save.locator());
        assertThat(found).isPresent();
        assertThat(found.get().strategy()).isEqualTo("id");
        assertThat(save.fingerprint().differenceFrom(found.get().fingerprint())).isNull();
        ActionResult click = browser.call(p -> ActionExecutor.withDefaults().execute(p, new BrowserAction.Click(found.get().target())));
        assertThat(click.success()).as(click.failureReason()).isTrue();
    }

    @Test
    void swappedButtonsResolveButTheFingerprintTellsTheDifference() {
        ElementIdentity save = identityOf("#save");
        String swapped = FORM.replace("id=\"save\" type=\"button\">Save", "id=\"x\" type=\"button\">Save")
                .replace("id=\"cancel\" type=\"button\">Cancel", "id=\"save\" type=\"button\">Cancel")
                .replace("id=\"x\"", "id=\"cancel\"");
        LocatedElement found = locate(swapped, save.locator()).orElseThrow();
        assertThat(found.strategy()).isEqualTo("id");
        assertThat(save.fingerprint().differenceFrom(found.fingerprint())).isEqualTo("expected button 'Save' but found 'Cancel'");
    }

    @Test
    void looserStrategiesFindAnElementWhoseIdChangedAndNothingIsFoundWhenItIsGone() {
        ElementIdentity name = identityOf("#name");
        LocatedElement renamed = locate(FORM.replace("id=\"name\" name=\"name\"", "id=\"full\" name=\"full\""), name.locator()).orElseThrow();
        assertThat(renamed.strategy()).isIn("css", "role", "label", "placeholder");
        assertThat(locate("<html><body><p>Nothing here</p></body></html>", name.locator())).isEmpty();
    }

    @Test
    void aFramePathLimitsTheSearchToThatFrame() {
        ElementLocator inFrame = new ElementLocator("save", "", "", "", "", "", "", "", "", List.of("checkout"));
        assertThat(locate(FORM, inFrame)).as("no frame named checkout").isEmpty();
    }
}
