package dev.rover.llm.offline;

import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.DownloadedFile;
import dev.rover.core.page.Element;
import dev.rover.core.page.PageContent;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.page.Target;
import dev.rover.core.engine.ActionRecord;
import dev.rover.core.engine.Verification;
import dev.rover.core.engine.VerifyRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineVerifyTest {

    private final OfflineEngine engine = new OfflineEngine();

    private static final PageSnapshot DASHBOARD = PageSnapshot.of("https://portal.test/app/dashboard?tab=1", "Dashboard | Portal",
            List.of(Element.builder("a", "a").text("Orders").build()),
            new PageContent("Welcome back, Ann. Your account dashboard. Order #A-100 shipped.",
                    List.of(new PageContent.Heading(1, "Account dashboard")),
                    List.of(new PageContent.Table("", List.of("Order", "Total"), List.of(List.of("A-100", "$5")))), List.of()));

    private static final PageSnapshot LOGIN = PageSnapshot.of("https://portal.test/login", "Sign in", List.of(
            Element.builder("p", "input").attribute("type", "password").name("Password").build()), PageContent.EMPTY);

    private Verification verify(String criterion, PageSnapshot page) {
        return engine.verify(new VerifyRequest("Do something", criterion, page, List.of(), List.of()));
    }

    @Test
    void textVisibleForms() {
        assertThat(verify("The page shows 'Welcome back'", DASHBOARD).status()).isEqualTo(Verification.Status.ACHIEVED);
        assertThat(verify("the page contains \u201COrder #A-100\u201D", DASHBOARD).status()).isEqualTo(Verification.Status.ACHIEVED);
        assertThat(verify("\"Payment failed\" is visible", DASHBOARD).status()).isEqualTo(Verification.Status.NOT_ACHIEVED);
        assertThat(verify("the account dashboard is visible", DASHBOARD).status()).isEqualTo(Verification.Status.ACHIEVED);
        assertThat(verify("the invoice list is visible", LOGIN).status()).isEqualTo(Verification.Status.NOT_ACHIEVED);
    }

    @Test
    void urlAndTitleForms() {
        assertThat(verify("URL contains /dashboard", DASHBOARD).status()).isEqualTo(Verification.Status.ACHIEVED);
        assertThat(verify("the url contains \"/settings\"", DASHBOARD).status()).isEqualTo(Verification.Status.NOT_ACHIEVED);
        assertThat(verify("title contains Dashboard", DASHBOARD).status()).isEqualTo(Verification.Status.ACHIEVED);
    }

    @Test
    void loginForms() {
        String criterion = "The account dashboard is visible and no login form is present.";
        assertThat(verify(criterion, DASHBOARD).status()).isEqualTo(Verification.Status.ACHIEVED);
        Verification onLogin = verify(criterion, LOGIN);
        assertThat(onLogin.status()).isEqualTo(Verification.Status.NOT_ACHIEVED);
        assertThat(verify("logged in", LOGIN).reason()).contains("login form");
        assertThat(engine.verify(new VerifyRequest("Log in with the provided credentials", null, DASHBOARD, List.of(), List.of())).status())
                .isEqualTo(Verification.Status.ACHIEVED);
    }

    @Test
    void resultsTablesPagesAndDownloads() {
        assertThat(verify("filtered results are visible", DASHBOARD).status()).isEqualTo(Verification.Status.ACHIEVED);
        assertThat(verify("the orders table is visible", LOGIN).status()).isEqualTo(Verification.Status.NOT_ACHIEVED);
        assertThat(engine.verify(new VerifyRequest("Click Orders.\nCOMPLETE when on the account dashboard or orders page.", null,
                DASHBOARD, List.of(), List.of())).status()).isEqualTo(Verification.Status.ACHIEVED);
        ActionRecord download = new ActionRecord(1, new BrowserAction.Click(Target.id("a")), "",
                ActionResult.ok().withDownload(new DownloadedFile("inv.pdf", java.nio.file.Path.of("inv.pdf"), 1, "00", "https://portal.test/inv.pdf")));
        assertThat(engine.verify(new VerifyRequest("", "the PDF download starts", LOGIN, List.of(download), List.of())).status())
                .isEqualTo(Verification.Status.ACHIEVED);
        assertThat(verify("the PDF download starts", LOGIN).status()).isEqualTo(Verification.Status.NOT_ACHIEVED);
    }

    @Test
    void sentencesItCannotJudgeAreUnknownWithAdvice() {
        Verification v = verify("the cheapest flight has been booked for next Tuesday", DASHBOARD);
        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.reason()).contains("the cheapest flight has been booked").contains("ROVER_LLM_PROVIDER");
    }
}
