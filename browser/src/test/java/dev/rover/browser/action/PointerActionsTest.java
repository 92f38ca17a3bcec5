package dev.rover.browser.action;

import dev.rover.browser.BrowserOptions;
import dev.rover.browser.LiveBrowser;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Screen;
import dev.rover.core.page.ScreenPoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coordinate actions in real Chromium on a canvas page (nothing in the DOM to target): points of a screenshot twice
 * the viewport's size (what a device scale factor of 2 or an upscaled image gives the model) land on the right CSS
 * pixels, and clicks, drags, wheel and typing arrive.
 */
class PointerActionsTest {

    private static LiveBrowser browser;
    private static final ActionExecutor executor = ActionExecutor.builder().build();

    private static final String PAGE = """
            <html><body style="margin:0">
            <canvas id="c" width="800" height="600" style="display:block"></canvas>
            <input id="field" style="position:absolute;left:20px;top:620px;width:200px">
            <div style="height:2000px"></div>
            <script>
              window.events = [];
              const c = document.getElementById('c');
              for (const type of ['click', 'dblclick', 'mousedown', 'mouseup', 'contextmenu']) {
                c.addEventListener(type, e => { window.events.push([type, e.offsetX, e.offsetY, e.detail, e.button]); if (type === 'contextmenu') e.preventDefault(); });
              }
            </script></body></html>
            """;

    @BeforeAll
    static void start() {
        browser = LiveBrowser.launch(BrowserOptions.builder().tracing(false).viewport(800, 600).build());
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @BeforeEach
    void open() {
        browser.run(p -> {
            // a new document per test: setContent alone keeps the window and its recorded events
            p.page().navigate("about:blank");
            p.page().setContent(PAGE);
        });
    }

    private static ActionResult act(BrowserAction action) {
        return browser.call(p -> executor.execute(p, action));
    }

    @SuppressWarnings("unchecked")
    private static List<List<Object>> events() {
        return browser.call(p -> (List<List<Object>>) p.page().evaluate("() => window.events"));
    }

    private static String value() {
        return browser.call(p -> p.page().inputValue("#field"));
    }

    private static Screen screenshotScreen() {
        return Screen.ofPng(browser.call(p -> p.page().screenshot()));
    }

    @Test
    void aPointOfADoubleDensityScreenshotIsClickedAtHalfItsPixels() {
        assertThat(screenshotScreen()).isEqualTo(new Screen(800, 600));
        Screen screen = new Screen(1600, 1200);

        assertThat(act(new BrowserAction.ClickAt(new ScreenPoint(600, 400), "left", 1, screen)).success()).isTrue();
        assertThat(act(new BrowserAction.ClickAt(new ScreenPoint(200, 100), "left", 2, screen)).success()).isTrue();
        assertThat(act(new BrowserAction.ClickAt(new ScreenPoint(1000, 1000), "right", 1, screen)).success()).isTrue();

        List<List<Object>> clicks = events().stream().filter(e -> e.get(0).equals("click")).toList();
        assertThat(clicks.get(0)).containsExactly("click", 300, 200, 1, 0);
        assertThat(events()).anySatisfy(e -> assertThat(e).containsExactly("dblclick", 100, 50, 2, 0));
        assertThat(events()).anySatisfy(e -> assertThat(e).containsExactly("contextmenu", 500, 500, 0, 2));
    }

    @Test
    void aDragPressesAtTheFirstPointAndReleasesAtTheLast() {
        Screen screen = new Screen(1600, 1200);
        assertThat(act(new BrowserAction.DragPath(List.of(new ScreenPoint(100, 100), new ScreenPoint(300, 300),
                new ScreenPoint(700, 500)), screen)).success()).isTrue();
        assertThat(events()).filteredOn(e -> !e.get(0).equals("click"))
                .containsExactly(List.of("mousedown", 50, 50, 1, 0), List.of("mouseup", 350, 250, 1, 0));
    }

    @Test
    void theWheelScrollsByScreenshotPixelsAndTypingGoesToTheFocusedField() {
        Screen screen = new Screen(1600, 1200);
        assertThat(act(new BrowserAction.ScrollAt(new ScreenPoint(800, 600), 0, 400, screen)).success()).isTrue();
        browser.run(p -> p.page().waitForFunction("() => window.scrollY === 200"));

        browser.run(p -> p.page().evaluate("() => { window.scrollTo(0, 0); document.getElementById('field').focus(); }"));
        assertThat(act(new BrowserAction.TypeText("hello world")).success()).isTrue();
        assertThat(value()).isEqualTo("hello world");
    }

    @Test
    void aPointOutsideTheScreenshotFailsWithAReason() {
        ActionResult result = act(new BrowserAction.ClickAt(new ScreenPoint(1700, 10), "left", 1, new Screen(1600, 1200)));
        assertThat(result.success()).isFalse();
        assertThat(result.failureReason()).isEqualTo("point (1700,10) is outside the 1600x1200 screenshot");
        assertThat(events()).isEmpty();
    }

    @Test
    void typingASecretPlaceholderWithNothingFocusedFailsInsteadOfTypingIntoThePage() {
        ActionExecutor withSecrets = ActionExecutor.builder().secrets(t -> t.replace("placeholder_abcd_pw", "hunter2"))
                .secretGuard(new SecretGuard() {
                    @Override public boolean holdsSecrets() { return true; }
                    @Override public boolean holdsPlaceholder(String text) { return text.contains("placeholder_abcd_pw"); }
                    @Override public java.util.Optional<String> refuseTyping(String text, String pageUrl, String frameUrl) { return java.util.Optional.empty(); }
                    @Override public java.util.Optional<String> refuseSubmit(List<String> values, String actionUrl) { return java.util.Optional.empty(); }
                    @Override public boolean revealsSecret(String text) { return text.contains("hunter2"); }
                }).build();
        ActionResult result = browser.call(p -> withSecrets.execute(p, new BrowserAction.TypeText("placeholder_abcd_pw")));
        assertThat(result.success()).isFalse();
        assertThat(result.failureReason()).contains("no focused field");

        browser.run(p -> p.page().focus("#field"));
        assertThat(browser.call(p -> withSecrets.execute(p, new BrowserAction.TypeText("placeholder_abcd_pw"))).success()).isTrue();
        assertThat(value()).isEqualTo("hunter2");
        Object marked = browser.call(p -> p.page().evaluate("() => document.getElementById('field').hasAttribute('data-rover-secret')"));
        assertThat(marked).isEqualTo(true);
    }
}
