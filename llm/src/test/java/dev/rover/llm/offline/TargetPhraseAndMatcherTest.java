package dev.rover.llm.offline;

import dev.rover.core.page.Element;
import dev.rover.core.page.PageSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rover.llm.offline.Pages.button;
import static dev.rover.llm.offline.Pages.input;
import static dev.rover.llm.offline.Pages.page;
import static org.assertj.core.api.Assertions.assertThat;

/** What people call an element (TargetPhrase) and which element that is on a page (TargetMatcher). */
class TargetPhraseAndMatcherTest {

    private static TargetSpec target(String phrase) {
        MaskedClause mc = MaskedClause.of(phrase);
        return TargetPhrase.parse(mc, mc.masked());
    }

    @Test
    void readsRoleWordsOrdinalsPluralsAndContainers() {
        assertThat(target("the text box")).isEqualTo(new TargetSpec(List.of(), Role.TEXT, 0, false, ""));
        assertThat(target("the 3rd input")).isEqualTo(new TargetSpec(List.of(), Role.ANY, 3, false, ""));
        assertThat(target("the second button")).isEqualTo(new TargetSpec(List.of(), Role.BUTTON, 2, false, ""));
        assertThat(target("the last View button")).isEqualTo(new TargetSpec(List.of("View"), Role.BUTTON, -1, false, ""));
        assertThat(target("both fields")).isEqualTo(new TargetSpec(List.of(), Role.ANY, 0, true, ""));
        assertThat(target("all the checkboxes")).isEqualTo(new TargetSpec(List.of(), Role.CHECKBOX, 0, true, ""));
        assertThat(target("the button in the dialog labeled OK")).isEqualTo(new TargetSpec(List.of("OK"), Role.BUTTON, 0, false, "dialog"));
        assertThat(target("Street in the Billing address section"))
                .isEqualTo(new TargetSpec(List.of("Street"), Role.ANY, 0, false, "Billing address"));
        assertThat(target("the x")).isEqualTo(new TargetSpec(List.of(), Role.CLOSE, 0, false, ""));
        assertThat(target("the Start date field")).isEqualTo(new TargetSpec(List.of("Start date"), Role.DATE, 0, false, ""));
        assertThat(target("the question \"Can I change my plan?\"")).isEqualTo(new TargetSpec(List.of("Can I change my plan?"), Role.ANY, 0, false, ""));
        assertThat(target("the \"Log in\" link")).isEqualTo(new TargetSpec(List.of("Log in"), Role.LINK, 0, false, ""));
    }

    private static final Element NAME = input("n", "Name");
    private static final Element EMAIL = Element.builder("e", "input").role("textbox").name("Email").attribute("type", "email").build();
    private static final Element PASSWORD = Element.builder("p", "input").role("textbox").name("Password").attribute("type", "password").build();

    @Test
    void aSingleElementOfTheRoleNeedsNoNameAndSeveralAreAmbiguous() {
        PageSnapshot one = page("https://x.test/", input("a", "Your name"), button("b", "Send"));
        assertThat(TargetMatcher.find(one, target("the text box"), ElementKind.FIELD))
                .isInstanceOfSatisfying(TargetMatcher.Found.class, f -> assertThat(f.elements()).extracting(Element::id).containsExactly("a"));
        PageSnapshot two = page("https://x.test/", NAME, EMAIL, PASSWORD);
        assertThat(TargetMatcher.find(two, target("the text box"), ElementKind.FIELD))
                .isInstanceOfSatisfying(TargetMatcher.Ambiguous.class, a -> assertThat(a.candidates()).extracting(Element::id).containsExactly("n", "e"));
        assertThat(TargetMatcher.find(two, target("the password field"), ElementKind.FIELD))
                .isInstanceOfSatisfying(TargetMatcher.Found.class, f -> assertThat(f.elements()).extracting(Element::id).containsExactly("p"));
        assertThat(TargetMatcher.find(two, target("the 2nd input"), ElementKind.FIELD))
                .isInstanceOfSatisfying(TargetMatcher.Found.class, f -> assertThat(f.elements()).extracting(Element::id).containsExactly("e"));
    }

    @Test
    void twoEquallyGoodLabelsAreRefusedNamingBoth() {
        Element billing = Element.builder("s1", "input").role("textbox").name("Street").attribute("type", "text").context("Billing").build();
        Element delivery = Element.builder("s2", "input").role("textbox").name("Street").attribute("type", "text").context("Delivery").build();
        PageSnapshot p = page("https://x.test/", billing, delivery);
        assertThat(TargetMatcher.find(p, target("Street"), ElementKind.FIELD)).isInstanceOf(TargetMatcher.Ambiguous.class);
        assertThat(TargetMatcher.find(p, target("Street in the Delivery section"), ElementKind.FIELD))
                .isInstanceOfSatisfying(TargetMatcher.Found.class, f -> assertThat(f.elements()).extracting(Element::id).containsExactly("s2"));
        Resolution r = FieldResolver.type(p, target("Street"), "Main St");
        assertThat(r).isInstanceOfSatisfying(Resolution.Ambiguous.class, a ->
                assertThat(a.candidates()).containsExactly("\"Street\" (s1, in Billing)", "\"Street\" (s2, in Delivery)"));
    }

    @Test
    void theLabelDecidesOverARoleWordThatDoesNotFit() {
        Element forgot = Element.builder("f", "a").role("link").name("Forgot password?").text("Forgot password?").attribute("href", "#").build();
        PageSnapshot p = page("https://x.test/", PASSWORD, forgot);
        assertThat(TargetMatcher.find(p, target("Forgot password"), ElementKind.CLICKABLE))
                .isInstanceOfSatisfying(TargetMatcher.Found.class, f -> assertThat(f.elements()).extracting(Element::id).containsExactly("f"));
        assertThat(TargetMatcher.find(page("https://x.test/", input("g", "Guests")), target("4 guests"), ElementKind.CLICKABLE))
                .as("a word that names nothing on the element is not a match").isInstanceOf(TargetMatcher.None.class);
    }
}
