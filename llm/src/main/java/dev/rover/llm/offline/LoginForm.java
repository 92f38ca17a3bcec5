package dev.rover.llm.offline;

import dev.rover.core.page.Element;
import dev.rover.core.page.PageSnapshot;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the login-related parts of a page: username, password and one-time-code fields, the control
 * that submits them, a link to the login page, and a login error message in the visible text.
 */
final class LoginForm {

    private static final Pattern USER_WORDS = Pattern.compile("\\b(?:user|username|user name|email|e mail|login|account|userid|user id)\\b");
    private static final Pattern OTP_WORDS = Pattern.compile(
            "\\b(?:otp|totp|one time|verification code|2fa|two factor|authenticator|authentication code|security code|mfa|passcode|one time code)\\b");
    private static final Pattern SUBMIT_WORDS = Pattern.compile("^(?:sign in|log in|login|signin|continue|submit|next|verify|confirm|log on)\\b.*");
    private static final Pattern LOGIN_LINK_WORDS = Pattern.compile("^(?:sign in|log in|login|signin|log on|member login|customer login)$");
    private static final Pattern ERROR = Pattern.compile(
            "(?:\\b(?:invalid|incorrect|wrong|unrecognized|unknown)\\b(?:\\s+\\S+){0,3}?\\s+\\b(?:password|credentials?|username|user name|email|e-mail|login|details|combination|user ?id)\\b)"
                    + "|(?:\\b(?:password|credentials|username|email)\\b\\s+(?:is|are|was|were)\\s+(?:invalid|incorrect|wrong|not recogni[sz]ed|not valid))"
                    + "|(?:\\baccount\\b(?:\\s+\\S+){0,3}?\\s+\\b(?:locked|suspended|blocked|disabled|deactivated|banned)\\b)"
                    + "|(?:\\b(?:login|log in|sign in|sign-in|authentication)\\s+(?:failed|unsuccessful)\\b)"
                    + "|(?:\\btoo many\\s+(?:failed\\s+)?(?:login\\s+|sign in\\s+)?attempts\\b)",
            Pattern.CASE_INSENSITIVE);

    private LoginForm() {
    }

    static Optional<Element> passwordField(PageSnapshot page) {
        return firstVisible(page.elements().stream()
                .filter(e -> e.tag().equalsIgnoreCase("input") && e.type().equals("password") && !isOtp(e)).toList());
    }

    static Optional<Element> otpField(PageSnapshot page) {
        return firstVisible(page.elements().stream().filter(ElementKind::isTextField).filter(LoginForm::isOtp).toList());
    }

    /** The username/email field, preferring one before {@code password} in document order. */
    static Optional<Element> usernameField(PageSnapshot page, Optional<Element> password) {
        List<Element> fields = page.elements().stream()
                .filter(ElementKind::isTextField)
                .filter(e -> !e.type().equals("password") && !isOtp(e))
                .filter(LoginForm::isUsername).toList();
        if (password.isPresent()) {
            int pw = page.elements().indexOf(password.get());
            Optional<Element> before = fields.stream().filter(f -> page.elements().indexOf(f) < pw)
                    .reduce((a, b) -> b);
            if (before.isPresent()) {
                return before;
            }
        }
        return firstVisible(fields);
    }

    /** The control submitting a login form, preferring one after {@code after} in document order. */
    static Optional<Element> submitControl(PageSnapshot page, Element after) {
        int from = after == null ? -1 : page.elements().indexOf(after);
        List<Element> candidates = page.elements().stream()
                .filter(e -> !e.state().disabled())
                .filter(e -> e.type().equals("submit") || (ElementKind.CLICKABLE.accepts(e) && !e.tag().equalsIgnoreCase("a")
                        && SUBMIT_WORDS.matcher(LabelText.normalize(ElementMatcher.displayLabel(e))).matches()))
                .toList();
        return candidates.stream().filter(e -> page.elements().indexOf(e) > from).findFirst()
                .or(() -> candidates.stream().findFirst());
    }

    /** A link or button leading to the login page ("Sign in", "Log in"). */
    static Optional<Element> loginLink(PageSnapshot page) {
        return page.elements().stream().filter(ElementKind.CLICKABLE::accepts)
                .filter(e -> LOGIN_LINK_WORDS.matcher(LabelText.normalize(ElementMatcher.displayLabel(e))).matches())
                .findFirst();
    }

    /** The sentence of the visible text that reports a failed login, if any. */
    static Optional<String> errorMessage(PageSnapshot page) {
        String text = page.content().visibleText();
        Matcher m = ERROR.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        int start = Math.max(Math.max(text.lastIndexOf('.', m.start()), text.lastIndexOf('!', m.start())), text.lastIndexOf('\n', m.start())) + 1;
        int end = m.end();
        while (end < text.length() && ".!\n".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return Optional.of(LabelText.shorten(text.substring(start, Math.min(text.length(), end + 1)), 200));
    }

    private static boolean isOtp(Element e) {
        if ("one-time-code".equalsIgnoreCase(e.attribute("autocomplete"))) {
            return true;
        }
        return OTP_WORDS.matcher(LabelText.normalize(String.join(" ", ElementMatcher.ownTexts(e)))).find();
    }

    private static boolean isUsername(Element e) {
        String autocomplete = e.attribute("autocomplete").toLowerCase(java.util.Locale.ROOT);
        return e.type().equals("email") || autocomplete.equals("username") || autocomplete.equals("email")
                || USER_WORDS.matcher(LabelText.normalize(String.join(" ", ElementMatcher.ownTexts(e)))).find();
    }

    private static Optional<Element> firstVisible(List<Element> elements) {
        return elements.stream().filter(e -> e.box() == null || e.box().hasArea()).findFirst()
                .or(() -> elements.stream().findFirst());
    }
}
