package dev.rover.browser.action;

import dev.rover.browser.ActionTestServer;
import dev.rover.browser.BrowserOptions;
import dev.rover.browser.LiveBrowser;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.ElementBox;
import dev.rover.core.page.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** An action's result carries where the element it acted on is, in top-viewport CSS pixels, for the report's highlight. */
class ElementBoxTest {

    static ActionTestServer server;
    static LiveBrowser browser;

    @BeforeAll
    static void start() throws IOException {
        server = new ActionTestServer();
        browser = LiveBrowser.launch(BrowserOptions.builder().tracing(false).build());
        browser.run(p -> p.page().navigate(server.url("/boxes.html")));
    }

    @BeforeEach
    void scrollToTheTop() {
        browser.run(p -> p.page().evaluate("window.scrollTo(0, 0)"));
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    private static ActionResult act(BrowserAction action) {
        return browser.call(p -> ActionExecutor.withDefaults().execute(p, action));
    }

    @Test
    void aClickCarriesTheButtonsBoxAndTheViewport() {
        ActionResult result = act(new BrowserAction.Click(Target.id("b1")));
        assertThat(result.success()).isTrue();
        ElementBox box = result.box();
        assertThat(box).isNotNull();
        assertThat(box.x()).isCloseTo(100, within(0.5));
        assertThat(box.y()).isCloseTo(50, within(0.5));
        assertThat(box.width()).isCloseTo(120, within(0.5));
        assertThat(box.height()).isCloseTo(40, within(0.5));
        var viewport = browser.call(p -> p.page().viewportSize());
        assertThat(box.viewportWidth()).isEqualTo(viewport.width);
        assertThat(box.viewportHeight()).isEqualTo(viewport.height);
    }

    @Test
    void anElementInAFrameIsPlacedInTheTopViewport() {
        ActionResult result = act(new BrowserAction.Hover(Target.id("f1")));
        assertThat(result.success()).isTrue();
        // frame at (10,200) with a 4 px border, button at (5,7) inside it
        assertThat(result.box().x()).isCloseTo(19, within(0.5));
        assertThat(result.box().y()).isCloseTo(211, within(0.5));
        assertThat(result.box().width()).isCloseTo(50, within(0.5));
    }

    @Test
    void theBoxIsWhereTheElementIsAfterTheActionScrolledToIt() {
        ActionResult result = act(new BrowserAction.Click(Target.id("b3")));
        assertThat(result.success()).isTrue();
        ElementBox box = result.box();
        assertThat(box.y()).as("scrolled into view").isBetween(0.0, box.viewportHeight() - box.height());
        assertThat(box.x()).isCloseTo(40, within(0.5));
    }

    @Test
    void aClickThatLoadsAnotherPageCarriesNoBox() {
        browser.run(p -> p.page().evaluate("document.body.insertAdjacentHTML('afterbegin',"
                + " '<a data-rover-id=\"nav1\" href=\"/boxes.html\">Reload</a>')"));

        ActionResult result = act(new BrowserAction.Click(Target.id("nav1")));

        assertThat(result.success()).isTrue();
        assertThat(result.box()).as("the link is gone from the page the step's screenshot shows").isNull();
        int links = browser.call(p -> p.page().locator("[data-rover-id=nav1]").count());
        assertThat(links).isZero();
    }

    @Test
    void actionsWithoutAnElementCarryNoBox() {
        assertThat(act(new BrowserAction.Wait(0)).box()).isNull();
    }
}
