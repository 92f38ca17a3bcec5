package dev.rover.browser.action;

import dev.rover.browser.ActionTestServer;
import dev.rover.browser.BrowserOptions;
import dev.rover.browser.LiveBrowser;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.DownloadedFile;
import dev.rover.core.page.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ActionExecutorTest extends ActionPageTest {

    static final ActionExecutor executor = ActionExecutor.builder()
            .secrets(text -> text.replace("{{ secret_password }}", "hunter2"))
            .build();

    private static ActionResult act(BrowserAction action) {
        return act(executor, action);
    }

    @Test
    void inputTextClearsTheFieldAndResolvesSecretsOnlyWhenTyping() {
        open("/form.html");
        assertThat(act(new BrowserAction.InputText(Target.id("a1"), "Ada Lovelace")).success()).isTrue();
        assertThat(value("#name")).isEqualTo("Ada Lovelace");

        ActionResult secret = act(new BrowserAction.InputText(Target.id("a2"), "{{ secret_password }}"));
        assertThat(secret.success()).isTrue();
        assertThat(value("#password")).isEqualTo("hunter2");
    }

    @Test
    void secretValuesNeverReachLogsOrFailureReasons() {
        open("/form.html");
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("ROOT");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events =
                new ch.qos.logback.core.read.ListAppender<>();
        events.start();
        root.addAppender(events);
        // DEBUG on for Rover whatever the test logging config says, so there are lines to search
        ch.qos.logback.classic.Logger rover = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.rover");
        ch.qos.logback.classic.Level before = rover.getLevel();
        rover.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            ActionResult typed = act(new BrowserAction.InputText(Target.id("a2"), "{{ secret_password }}"));
            ActionResult refused = act(new BrowserAction.InputText(Target.id("a9"), "{{ secret_password }}"));
            assertThat(typed.success()).isTrue();
            assertThat(refused.failureReason()).isEqualTo("element a9 is disabled").doesNotContain("hunter2");
            assertThat(events.list).isNotEmpty()
                    .noneMatch(e -> e.getFormattedMessage().contains("hunter2"));
        } finally {
            rover.setLevel(before);
            root.detachAppender(events);
        }
    }

    @Test
    void uploadThroughAButtonUsesTheFileChooserAndHiddenCheckboxesUseTheirLabel() throws IOException {
        open("/form.html");
        Path photo = Files.writeString(temp.resolve("photo.txt"), "pixels");
        assertThat(act(new BrowserAction.UploadFile(Target.id("a22"), photo.toString())).success()).isTrue();
        assertThat((Object) browser.call(p -> p.page().evaluate("document.getElementById('resume2').files[0].name"))).isEqualTo("photo.txt");

        assertThat(act(new BrowserAction.Checkbox(Target.id("a23"), true)).success()).isTrue();
        assertThat((Boolean) browser.call(p -> p.page().isChecked("#news"))).isTrue();
    }

    @Test
    void dateTimeAndNumberInputsAreFilled() {
        open("/form.html");
        assertThat(act(new BrowserAction.InputText(Target.id("a4"), "42")).success()).isTrue();
        assertThat(act(new BrowserAction.InputText(Target.id("a5"), "1815-12-10")).success()).isTrue();
        assertThat(act(new BrowserAction.InputText(Target.selector("xpath=//input[@id='alarm']"), "07:30")).success()).isTrue();
        assertThat(value("#age")).isEqualTo("42");
        assertThat(value("#birthday")).isEqualTo("1815-12-10");
        assertThat(value("#alarm")).isEqualTo("07:30");
    }

    @Test
    void elementProblemsAreReportedAsReadableFailures() {
        open("/form.html");
        assertThat(act(new BrowserAction.InputText(Target.id("a8"), "x")).failureReason()).isEqualTo("element a8 is not editable");
        assertThat(act(new BrowserAction.InputText(Target.id("a9"), "x")).failureReason()).isEqualTo("element a9 is disabled");
        assertThat(act(new BrowserAction.Click(Target.id("a99"))).failureReason()).isEqualTo("no element a99 on the page");
        assertThat(act(new BrowserAction.Click(Target.id("a16"))).failureReason()).isEqualTo("element a16 is not visible");
        assertThat(act(new BrowserAction.Click(Target.id("a17"))).failureReason()).isEqualTo("element a17 is disabled");
        assertThat(act(new BrowserAction.Click(Target.selector("#nothing"))).failureReason())
                .isEqualTo("no element matching '#nothing' on the page");
        assertThat(act(new BrowserAction.Click(Target.selector("xpath=//button[@id='submit'"))).failureReason())
                .startsWith("selector 'xpath=//button[@id='submit'' is not valid");
        assertThat(act(new BrowserAction.InputText(Target.id("a19"), "x")).failureReason()).isEqualTo("element a19 is not editable");
    }

    @Test
    void clickOnACoveredElementSaysWhatCoversIt() {
        open("/page.html");
        ActionExecutor quick = ActionExecutor.builder().timeout(Duration.ofMillis(800)).build();
        ActionResult result = browser.call(p -> quick.execute(p, new BrowserAction.Click(Target.id("b7"))));
        assertThat(result.success()).isFalse();
        assertThat(result.failureReason()).startsWith("element b7 is covered by another element").contains("modal");
        assertThat(text("#out")).isEmpty();
    }

    @Test
    void checkboxesAndRadiosReachTheDesiredState() {
        open("/form.html");
        assertThat(act(new BrowserAction.Checkbox(Target.id("a10"), true)).success()).isTrue();
        assertThat((Boolean) browser.call(p -> p.page().isChecked("#terms"))).isTrue();
        assertThat(act(new BrowserAction.Checkbox(Target.id("a10"), true)).success()).isTrue();
        assertThat(act(new BrowserAction.Checkbox(Target.id("a10"), false)).success()).isTrue();
        assertThat((Boolean) browser.call(p -> p.page().isChecked("#terms"))).isFalse();

        assertThat(act(new BrowserAction.Checkbox(Target.id("a12"), true)).success()).isTrue();
        assertThat((Boolean) browser.call(p -> p.page().isChecked("#plan-pro") && !p.page().isChecked("#plan-basic"))).isTrue();
        assertThat(act(new BrowserAction.Checkbox(Target.id("a12"), false)).failureReason())
                .contains("element a12 is a radio button and cannot be unchecked");
    }

    @Test
    void nativeSelectChoosesByLabelValueOrIndex() {
        open("/form.html");
        assertThat(act(new BrowserAction.SelectOption(Target.id("a13"), "Germany", null, null)).success()).isTrue();
        assertThat(value("#country")).isEqualTo("de");
        assertThat(act(new BrowserAction.SelectOption(Target.id("a13"), null, "jp", null)).success()).isTrue();
        assertThat(value("#country")).isEqualTo("jp");
        assertThat(act(new BrowserAction.SelectOption(Target.id("a13"), null, null, 1)).success()).isTrue();
        assertThat(value("#country")).isEqualTo("fr");
        assertThat(act(new BrowserAction.SelectOption(Target.id("a24"), "large", null, null)).success()).isTrue();
        assertThat(value("#size")).isEqualTo("l");
        assertThat(act(new BrowserAction.SelectOption(Target.id("a13"), "Atlantis", null, null)).failureReason())
                .isEqualTo("element a13 has no option labelled 'Atlantis'; its options are [Choose, France, Germany, Japan]");
    }

    @Test
    void customListboxIsOpenedAndTheMatchingOptionClicked() {
        open("/form.html");
        assertThat(act(new BrowserAction.SelectOption(Target.id("a14"), "Green", null, null)).success()).isTrue();
        assertThat(text("#color")).isEqualTo("g");
        assertThat(act(new BrowserAction.SelectOption(Target.id("a14"), null, "b", null)).success()).isTrue();
        assertThat(text("#color")).isEqualTo("b");
        assertThat(act(new BrowserAction.SelectOption(Target.id("a14"), null, null, 0)).success()).isTrue();
        assertThat(text("#color")).isEqualTo("r");
        assertThat(act(new BrowserAction.SelectOption(Target.id("a14"), "Purple", null, null)).failureReason())
                .isEqualTo("element a14 has no option labelled 'Purple'; its options are [Red, Green, Blue]");
    }

    @Test
    void uploadSetsTheFileAndAMissingFileFails() throws IOException {
        open("/form.html");
        Path resume = Files.writeString(temp.resolve("resume.txt"), "my resume");
        assertThat(act(new BrowserAction.UploadFile(Target.id("a15"), resume.toString())).success()).isTrue();
        assertThat((Object) browser.call(p -> p.page().evaluate("document.getElementById('resume').files[0].name"))).isEqualTo("resume.txt");

        Path missing = temp.resolve("missing.pdf");
        assertThat(act(new BrowserAction.UploadFile(Target.id("a15"), missing.toString())).failureReason())
                .isEqualTo("file " + missing + " does not exist");
    }

    @Test
    void hoverAndKeypressReachTheElementOrThePage() {
        open("/form.html");
        assertThat(act(new BrowserAction.Hover(Target.id("a19"))).success()).isTrue();
        assertThat(text("#out")).isEqualTo("hovered");
        assertThat(act(new BrowserAction.Keypress(Target.id("a20"), List.of("Enter"))).success()).isTrue();
        assertThat(text("#out")).isEqualTo("enter pressed");
        assertThat(act(new BrowserAction.Keypress(null, List.of("Escape"))).success()).isTrue();
        assertThat(text("#out")).isEqualTo("escape");
        assertThat(act(new BrowserAction.Keypress(null, List.of("NoSuchKey"))).failureReason()).isEqualTo("unknown key 'NoSuchKey'");
    }

    @Test
    void scrollMovesThePageOrTheElement() {
        open("/form.html");
        assertThat(act(new BrowserAction.Scroll(null, "down", 400)).success()).isTrue();
        assertThat(((Number) browser.call(p -> p.page().evaluate("window.scrollY"))).intValue()).isEqualTo(400);
        assertThat(act(new BrowserAction.Scroll(Target.id("a21"), "down", 150)).success()).isTrue();
        assertThat(((Number) browser.call(p -> p.page().evaluate("document.getElementById('scroller').scrollTop"))).intValue())
                .isEqualTo(150);
        assertThat(act(new BrowserAction.Scroll(null, "sideways", 10)).failureReason())
                .isEqualTo("scroll direction must be up, down, left or right, not 'sideways'");
    }

    @Test
    void waitIsBoundedAndRejectsNegativeDurations() {
        open("/form.html");
        ActionExecutor capped = ActionExecutor.builder().maxWait(Duration.ofMillis(200)).build();
        long start = System.nanoTime();
        assertThat(browser.call(p -> capped.execute(p, new BrowserAction.Wait(60))).success()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(act(new BrowserAction.Wait(-1)).success()).isFalse();
    }

    @Test
    void navigationGoesToUrlsAndBack() {
        open("/page.html");
        assertThat(act(new BrowserAction.GotoUrl(server.url("/second.html"))).success()).isTrue();
        assertThat(text("#heading")).isEqualTo("Second page");
        assertThat(act(new BrowserAction.GoBack()).success()).isTrue();
        assertThat((String) browser.call(p -> p.page().url())).endsWith("/page.html");
        assertThat(act(new BrowserAction.GotoUrl("http://127.0.0.1:1/nothing")).failureReason())
                .startsWith("could not open http://127.0.0.1:1/nothing");
    }

    @Test
    void closingEveryTabLeavesAFreshOneToWorkIn() {
        open("/page.html");
        browser.run(p -> p.page().close());
        assertThat(act(new BrowserAction.GotoUrl(server.url("/second.html"))).success()).isTrue();
        assertThat(text("#heading")).isEqualTo("Second page");
    }

    @Test
    void goBackWithoutHistoryFails() {
        browser.run(p -> p.newTab(null));
        assertThat(act(new BrowserAction.GoBack()).failureReason()).isEqualTo("there is no previous page in this tab");
    }

    @Test
    void tabsOpenSwitchAndFollowPopups() {
        open("/page.html");
        assertThat(act(new BrowserAction.NewTab(server.url("/second.html"))).success()).isTrue();
        assertThat((String) browser.call(p -> p.page().url())).endsWith("/second.html");
        assertThat(act(new BrowserAction.SwitchTab(0)).success()).isTrue();
        assertThat((String) browser.call(p -> p.page().url())).endsWith("/page.html");
        assertThat(act(new BrowserAction.SwitchTab(7)).failureReason()).isEqualTo("no tab 7; open tabs are 0..1");

        assertThat(act(new BrowserAction.Click(Target.id("b2"))).success()).isTrue();
        assertThat((Integer) browser.call(p -> p.tabs().size())).isEqualTo(3);
        assertThat((Boolean) browser.call(p -> p.tabs().get(2).active())).isTrue();
    }

    @Test
    void clickingADownloadLinkSavesTheFileWithItsHash() throws Exception {
        open("/page.html");
        ActionResult result = act(new BrowserAction.Click(Target.id("b1")));
        assertThat(result.success()).isTrue();
        assertThat(result.downloads()).hasSize(1);
        DownloadedFile file = result.downloads().get(0);
        assertThat(file.name()).isEqualTo("report.csv");
        assertThat(file.path()).hasContent(ActionTestServer.REPORT.stripTrailing());
        assertThat(file.size()).isEqualTo(ActionTestServer.REPORT.getBytes(StandardCharsets.UTF_8).length);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(ActionTestServer.REPORT.getBytes(StandardCharsets.UTF_8));
        assertThat(file.sha256()).isEqualTo(HexFormat.of().formatHex(digest));
        assertThat(file.sourceUrl()).isEqualTo(server.url("/download/report.csv"));

        ActionResult renamed = browser.call(p -> executor.execute(p, new BrowserAction.Click(Target.id("b1")), "invoice.csv"));
        assertThat(renamed.downloads()).extracting(DownloadedFile::name).containsExactly("invoice.csv");
    }

    @Test
    void everyClickOnALinkWithADownloadAttributeSavesItsDownload() {
        // such a link starts no navigation, so only waiting for the download event catches it every time
        open("/download-attribute.html");
        for (int i = 0; i < 5; i++) {
            String name = "attribute-" + i + ".csv";
            ActionResult result = browser.call(p -> executor.execute(p, new BrowserAction.Click(Target.id("dl")), name));
            assertThat(result.success()).as("click %d", i).isTrue();
            assertThat(result.downloads()).as("click %d", i).extracting(DownloadedFile::name).containsExactly(name);
            assertThat(result.downloads().get(0).path()).hasContent(ActionTestServer.REPORT.stripTrailing());
        }
    }

    @Test
    void plainClicksReportNoDownloads() {
        open("/page.html");
        ActionResult result = act(new BrowserAction.Click(Target.id("b3")));
        assertThat(result.success()).isTrue();
        assertThat(result.downloads()).isEmpty();
        assertThat(text("#heading")).isEqualTo("Second page");
    }

    @Test
    void dialogsAreAcceptedAndRecorded() {
        open("/page.html");
        ActionResult alert = act(new BrowserAction.Click(Target.id("b4")));
        assertThat(alert.dialogs()).containsExactly("alert: Saved!");
        assertThat(text("#out")).isEqualTo("after alert");
        assertThat(act(new BrowserAction.Click(Target.id("b5"))).dialogs()).containsExactly("confirm: Delete it?");
        assertThat(text("#out")).isEqualTo("confirmed");
        assertThat(act(new BrowserAction.Click(Target.id("b6"))).dialogs()).containsExactly("prompt: Your name?");
        assertThat(text("#out")).isEqualTo("prompt:Ada");
    }

    @Test
    void elementsInsideIframesAreFoundById() {
        open("/page.html");
        assertThat(act(new BrowserAction.Click(Target.id("f1"))).success()).isTrue();
        assertThat((String) browser.call(p -> p.page().frameLocator("#frame").locator("#frame-out").textContent()))
                .isEqualTo("frame clicked");
    }

    @Test
    void elementsInsideCrossOriginIframesAreFoundById() throws IOException {
        try (ActionTestServer other = new ActionTestServer()) {
            open("/cross.html?frame=" + other.url("/frame.html"));
            browser.run(p -> p.page().frameLocator("#frame").locator("#inside").waitFor());
            assertThat(act(new BrowserAction.Click(Target.id("f1"))).success()).isTrue();
            assertThat((String) browser.call(p -> p.page().frameLocator("#frame").locator("#frame-out").textContent()))
                    .isEqualTo("frame clicked");
        }
    }

    @Test
    void captchaSolvingIsRefused() {
        open("/page.html");
        assertThat(act(new BrowserAction.SolveCaptcha(null)).failureReason()).isEqualTo("captcha solving is not supported");
    }

    @Test
    void formSubmissionByClickWorks() {
        open("/form.html");
        assertThat(act(new BrowserAction.Click(Target.id("a18"))).success()).isTrue();
        assertThat(text("#out")).isEqualTo("submitted");
        assertThat(Map.of()).isEmpty();
    }
}
