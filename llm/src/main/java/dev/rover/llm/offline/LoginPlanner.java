package dev.rover.llm.offline;

import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Element;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.page.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans one step of a login from the page alone: report a login error, answer a one-time-code
 * prompt, fill and submit the username/password form, follow a "Sign in" link, or see that the
 * login is done because no login form is left.
 */
final class LoginPlanner {

    /** Attempts with the same secret after which a login form still shown counts as a failed login. */
    static final int MAX_ATTEMPTS = 2;

    private LoginPlanner() {
    }

    static Resolution plan(PageSnapshot page, Optional<Credentials> credentials, HistoryProgress progress,
                           Map<String, String> errorCodeMapping, int stepsSoFar) {
        Optional<String> error = LoginForm.errorMessage(page);
        if (error.isPresent()) {
            return new Resolution.Fail("Login failed: the page says \"" + error.get() + "\"",
                    ErrorCodes.matching(errorCodeMapping, error.get()));
        }
        Optional<Element> password = LoginForm.passwordField(page);
        Optional<Element> otp = LoginForm.otpField(page);
        Optional<Element> username = LoginForm.usernameField(page, password);
        boolean formShown = password.isPresent() || otp.isPresent()
                || (username.isPresent() && onlyTextField(page, username.get()) && progressTypedNothing(progress, credentials));
        if (!formShown) {
            return noForm(page, credentials, progress, stepsSoFar);
        }
        if (credentials.isEmpty()) {
            return new Resolution.Fail("The goal asks to log in but the user details hold no credential: pass the credential "
                    + "parameter through parameter_keys (a map with username, password and optional totp placeholders), or give a "
                    + "task its login with --credential NAME (TaskRequest.credentials(...))", List.of());
        }
        Credentials c = credentials.get();
        if (password.isPresent()) {
            return passwordStep(page, c, progress, password.get(), username, otp, errorCodeMapping);
        }
        if (otp.isPresent()) {
            return otpStep(page, c, progress, otp.get(), errorCodeMapping);
        }
        return usernameStep(page, c, progress, username.get(), errorCodeMapping);
    }

    /** A username step of a two-step login shows the username field alone, not inside a longer form. */
    private static boolean onlyTextField(PageSnapshot page, Element username) {
        return page.elements().stream().filter(ElementKind::isTextField)
                .filter(e -> e.box() == null || e.box().hasArea())
                .allMatch(e -> e.id().equals(username.id()) || e.type().equals("search"));
    }

    private static boolean progressTypedNothing(HistoryProgress progress, Optional<Credentials> credentials) {
        return credentials.map(c -> progress.timesTyped(c.password()) == 0 && progress.timesTyped(c.username()) == 0).orElse(false);
    }

    private static Resolution passwordStep(PageSnapshot page, Credentials c, HistoryProgress progress, Element password,
                                           Optional<Element> username, Optional<Element> otp, Map<String, String> codes) {
        if (c.password().isEmpty()) {
            return new Resolution.Fail("The page asks for a password (field " + password.id() + ") but the credential has none", List.of());
        }
        if (progress.timesTyped(c.password()) >= MAX_ATTEMPTS) {
            String reason = "Login failed: the login form is still shown after " + MAX_ATTEMPTS + " attempts with the credential";
            return new Resolution.Fail(reason, ErrorCodes.matching(codes, "login failed invalid credentials"));
        }
        List<BrowserAction> actions = new ArrayList<>();
        if (username.isPresent() && !c.username().isEmpty()) {
            actions.add(new BrowserAction.InputText(Target.id(username.get().id()), c.username()));
        }
        actions.add(new BrowserAction.InputText(Target.id(password.id()), c.password()));
        Element last = password;
        if (otp.isPresent() && !c.totp().isEmpty()) {
            actions.add(new BrowserAction.InputText(Target.id(otp.get().id()), c.totp()));
            last = otp.get();
        }
        actions.add(submitAction(page, last));
        return new Resolution.Act(actions, true, "fill in the login form and submit it");
    }

    private static Resolution otpStep(PageSnapshot page, Credentials c, HistoryProgress progress, Element otp, Map<String, String> codes) {
        if (c.totp().isEmpty()) {
            return new Resolution.Fail("The page asks for a one-time code (field \"" + ElementMatcher.displayLabel(otp)
                    + "\") but the credential has no TOTP secret; add one to the credential", List.of());
        }
        if (progress.timesTyped(c.totp()) >= MAX_ATTEMPTS) {
            return new Resolution.Fail("Login failed: the one-time code was rejected " + MAX_ATTEMPTS + " times",
                    ErrorCodes.matching(codes, "invalid one time code verification failed"));
        }
        return new Resolution.Act(List.of(new BrowserAction.InputText(Target.id(otp.id()), c.totp()), submitAction(page, otp)), true,
                "type the one-time code and submit it");
    }

    private static Resolution usernameStep(PageSnapshot page, Credentials c, HistoryProgress progress, Element username,
                                           Map<String, String> codes) {
        if (c.username().isEmpty()) {
            return new Resolution.Fail("The page asks for a username (field \"" + ElementMatcher.displayLabel(username)
                    + "\") but the credential has none", List.of());
        }
        if (progress.timesTyped(c.username()) >= MAX_ATTEMPTS) {
            return new Resolution.Fail("Login failed: the page still asks for the username after " + MAX_ATTEMPTS + " attempts",
                    ErrorCodes.matching(codes, "login failed invalid username"));
        }
        return new Resolution.Act(List.of(new BrowserAction.InputText(Target.id(username.id()), c.username()),
                submitAction(page, username)), true, "type the username and continue");
    }

    private static Resolution noForm(PageSnapshot page, Optional<Credentials> credentials, HistoryProgress progress, int stepsSoFar) {
        boolean attempted = credentials.map(c -> progress.timesTyped(c.password()) > 0).orElse(false);
        Optional<Element> link = LoginForm.loginLink(page);
        if (!attempted && link.isPresent()) {
            if (stepsSoFar >= MAX_ATTEMPTS) {
                return new Resolution.Fail("No login form appeared after following \"" + ElementMatcher.displayLabel(link.get())
                        + "\" " + stepsSoFar + " times", List.of());
            }
            return new Resolution.Act(List.of(new BrowserAction.Click(Target.id(link.get().id()))), true,
                    "open the login page through \"" + ElementMatcher.displayLabel(link.get()) + "\"");
        }
        return new Resolution.Done(attempted ? "no login form is left and no error is shown: logged in"
                : "no login form is on the page: already logged in");
    }

    private static BrowserAction submitAction(PageSnapshot page, Element lastField) {
        return LoginForm.submitControl(page, lastField)
                .<BrowserAction>map(e -> new BrowserAction.Click(Target.id(e.id())))
                .orElseGet(() -> new BrowserAction.Keypress(Target.id(lastField.id()), List.of("Enter")));
    }
}
