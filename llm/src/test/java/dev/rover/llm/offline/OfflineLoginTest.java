package dev.rover.llm.offline;

import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Element;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.page.Target;
import dev.rover.core.engine.ActionRecord;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.GoalState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.rover.llm.offline.Pages.actions;
import static dev.rover.llm.offline.Pages.button;
import static dev.rover.llm.offline.Pages.link;
import static dev.rover.llm.offline.Pages.page;
import static dev.rover.llm.offline.Pages.performed;
import static dev.rover.llm.offline.Pages.request;
import static org.assertj.core.api.Assertions.assertThat;

class OfflineLoginTest {

    private static final String GOAL = "Log in using the provided credentials.\nHandle any cookie consent popups.\n"
            + "COMPLETE when on the account dashboard or orders page.";
    private static final Map<String, String> CODES = Map.of(
            "INVALID_CREDENTIALS", "Login failed - incorrect email or password",
            "ACCOUNT_LOCKED", "Account has been locked or suspended");
    private static final Map<String, Object> CREDENTIAL = Map.of("credentials",
            Map.of("username", "placeholder_x1_username", "password", "placeholder_x1_password", "totp", "placeholder_x1_totp"));

    private final OfflineEngine engine = new OfflineEngine();

    private static PageSnapshot loginPage(String visibleText) {
        return page("https://portal.test/login", visibleText,
                link("n1", "Forgot password?", "/forgot"),
                Element.builder("u1", "input").name("Email address").attribute("type", "email").build(),
                Element.builder("p1", "input").name("Password").attribute("type", "password").build(),
                Element.builder("s1", "button").text("Sign in").attribute("type", "submit").build());
    }

    private static PageSnapshot otpPage() {
        return page("https://portal.test/mfa", "Enter the code from your authenticator app",
                Element.builder("o1", "input").name("Verification code").attribute("autocomplete", "one-time-code").build(),
                button("o2", "Verify"));
    }

    private static PageSnapshot dashboard() {
        return PageSnapshot.of("https://portal.test/dashboard", "Dashboard - Portal",
                List.of(link("d1", "Orders", "/orders"), button("d2", "Log out")),
                new dev.rover.core.page.PageContent("Welcome back to your account dashboard", List.of(), List.of(), List.of()));
    }

    @Test
    void logsInThenTypesTheTotpThenCompletes() {
        Decision one = engine.decide(request(GOAL, loginPage("Sign in to your account"), List.of(), CREDENTIAL, CODES));
        assertThat(actions(one)).containsExactly(
                new BrowserAction.InputText(Target.id("u1"), "placeholder_x1_username"),
                new BrowserAction.InputText(Target.id("p1"), "placeholder_x1_password"),
                new BrowserAction.Click(Target.id("s1")));
        List<ActionRecord> history = performed(List.of(), one, 1);

        Decision two = engine.decide(request(GOAL, otpPage(), history, CREDENTIAL, CODES));
        assertThat(actions(two)).containsExactly(
                new BrowserAction.InputText(Target.id("o1"), "placeholder_x1_totp"),
                new BrowserAction.Click(Target.id("o2")));
        history = performed(history, two, 2);

        Decision three = engine.decide(request(GOAL, dashboard(), history, CREDENTIAL, CODES));
        assertThat(three.state()).isEqualTo(GoalState.COMPLETE);
        assertThat(three.reasoning()).contains("logged in");
    }

    @Test
    void invalidPasswordTerminatesWithTheMappedErrorCode() {
        Decision one = engine.decide(request(GOAL, loginPage(""), List.of(), CREDENTIAL, CODES));
        List<ActionRecord> history = performed(List.of(), one, 1);
        Decision two = engine.decide(request(GOAL, loginPage("Sign in. Invalid email or password. Please try again."), history,
                CREDENTIAL, CODES));
        assertThat(two.state()).isEqualTo(GoalState.TERMINATE);
        assertThat(two.reasoning()).contains("Invalid email or password");
        assertThat(two.errorCodes()).containsExactly("INVALID_CREDENTIALS");
    }

    @Test
    void lockedAccountMapsToItsCode() {
        Decision d = engine.decide(request(GOAL, loginPage("Your account has been suspended. Contact support."), List.of(),
                CREDENTIAL, CODES));
        assertThat(d.state()).isEqualTo(GoalState.TERMINATE);
        assertThat(d.errorCodes()).containsExactly("ACCOUNT_LOCKED");
    }

    @Test
    void flatCredentialKeysWorkAndTheFormIsNotRetriedForever() {
        Map<String, Object> flat = Map.of("email", "ph_email", "password", "ph_pw");
        Decision one = engine.decide(request("Sign in", loginPage(""), List.of(), flat, CODES));
        assertThat(actions(one)).contains(new BrowserAction.InputText(Target.id("u1"), "ph_email"));
        List<ActionRecord> history = performed(List.of(), one, 1);
        Decision two = engine.decide(request("Sign in", loginPage(""), history, flat, CODES));
        assertThat(actions(two)).hasSize(3);
        history = performed(history, two, 2);
        Decision three = engine.decide(request("Sign in", loginPage(""), history, flat, CODES));
        assertThat(three.state()).isEqualTo(GoalState.TERMINATE);
        assertThat(three.reasoning()).contains("still shown after 2 attempts");
        assertThat(three.errorCodes()).containsExactly("INVALID_CREDENTIALS");
    }

    @Test
    void missingCredentialOrTotpTerminatesWithWhatToDo() {
        Decision none = engine.decide(request(GOAL, loginPage(""), List.of(), Map.of(), CODES));
        assertThat(none.state()).isEqualTo(GoalState.TERMINATE);
        assertThat(none.reasoning()).contains("parameter_keys");

        Map<String, Object> noTotp = Map.of("c", Map.of("username", "u", "password", "p"));
        Decision otp = engine.decide(request(GOAL, otpPage(), List.of(), noTotp, CODES));
        assertThat(otp.state()).isEqualTo(GoalState.TERMINATE);
        assertThat(otp.reasoning()).contains("one-time code").contains("no TOTP");
    }

    @Test
    void followsASignInLinkWhenNoFormIsShown() {
        PageSnapshot home = page("https://portal.test/", link("h1", "Pricing", "/pricing"), link("h2", "Sign in", "/login"));
        Decision d = engine.decide(request(GOAL, home, List.of(), CREDENTIAL, CODES));
        assertThat(actions(d)).containsExactly(new BrowserAction.Click(Target.id("h2")));
    }

    @Test
    void credentialsNeverAppearInToString() {
        assertThat(Credentials.from(CREDENTIAL).orElseThrow().toString()).doesNotContain("placeholder_x1");
    }
}
