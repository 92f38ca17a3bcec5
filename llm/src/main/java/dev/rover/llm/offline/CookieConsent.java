package dev.rover.llm.offline;

import dev.rover.core.page.Element;
import dev.rover.core.page.PageSnapshot;

import java.util.Optional;
import java.util.regex.Pattern;

/** Recognises the accept button of a cookie or consent banner, so "handle cookie popups" needs no model. */
final class CookieConsent {

    private static final Pattern ACCEPT = Pattern.compile(
            "^(?:accept|agree|allow|i agree|i accept|got it|ok|okay|i understand|consent|yes i agree|accept all|allow all)\\b.*");
    private static final Pattern ABOUT_COOKIES = Pattern.compile("\\b(?:cookie|cookies|consent|gdpr|privacy|tracking)\\b");

    private CookieConsent() {
    }

    /** The accept/agree button of a cookie banner on the page, if there is one. */
    static Optional<Element> acceptButton(PageSnapshot page) {
        boolean pageMentionsCookies = ABOUT_COOKIES.matcher(LabelText.normalize(page.content().visibleText())).find();
        return page.elements().stream()
                .filter(ElementKind.CLICKABLE::accepts)
                .filter(e -> !e.state().disabled())
                .filter(e -> ACCEPT.matcher(LabelText.normalize(ElementMatcher.displayLabel(e))).matches())
                .filter(e -> pageMentionsCookies || ABOUT_COOKIES.matcher(LabelText.normalize(
                        e.context() + " " + String.join(" ", ElementMatcher.ownTexts(e)))).find())
                .findFirst();
    }
}
