package dev.rover.browser.observe;

import dev.rover.core.page.Element;
import dev.rover.core.page.ElementState;
import dev.rover.core.page.SelectOption;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptRendererTest {

    private static PromptLine text(String s) {
        return new PromptLine.Text(s);
    }

    private static PromptLine button(String id, String label, boolean inViewport) {
        return new PromptLine.Control(Element.builder(id, "button").role("button").text(label).inViewport(inViewport).build());
    }

    @Test
    void rendersElementsHeadingsTextAndFrames() {
        Element email = Element.builder("a3", "input").role("textbox").name("Email")
                .attribute("type", "email").attribute("placeholder", "Email").build();
        Element country = Element.builder("a5", "select").name("Country").attribute("name", "country")
                .options(List.of(new SelectOption("France", "fr", 0, false), new SelectOption("Germany", "de", 1, true)))
                .build();
        Element terms = Element.builder("a6", "input").attribute("type", "checkbox").name("Accept terms")
                .value("on").state(ElementState.NONE.withChecked(true).withRequired(true)).build();
        String prompt = new PromptRenderer().render(List.of(
                new PromptLine.Heading(2, "Sign in"),
                text("Use your work account."),
                new PromptLine.Control(email),
                new PromptLine.Control(country),
                new PromptLine.Control(terms),
                new PromptLine.FrameStart(1, "https://pay.example/card"),
                button("b0", "Pay", true),
                new PromptLine.FrameEnd(1)));

        assertThat(prompt).isEqualTo("""
                ## Sign in
                Use your work account.
                <input id="a3" type="email" placeholder="Email">
                <select id="a5" name="country" label="Country"><option value="fr">France</option><option value="de" selected>Germany</option></select>
                <input id="a6" type="checkbox" label="Accept terms" checked required>
                <iframe frame="1" src="https://pay.example/card">
                <button id="b0">Pay</button>
                </iframe>""");
    }

    @Test
    void fitsUnchangedWhenUnderBudget() {
        List<PromptLine> lines = List.of(text("hello"), button("a0", "Go", true));
        assertThat(new PromptRenderer(100).render(lines)).isEqualTo("hello\n<button id=\"a0\">Go</button>");
    }

    @Test
    void dropsTextFarthestFromAnyElementFirst() {
        List<PromptLine> lines = List.of(
                text("far away intro paragraph"),
                text("middle paragraph"),
                text("right before the button"),
                button("a0", "Go", true),
                text("right after"));
        String full = new PromptRenderer().render(lines);
        int budget = full.length() - "far away intro paragraph".length();

        String prompt = new PromptRenderer(budget).render(lines);

        assertThat(prompt).doesNotContain("far away").contains("middle paragraph", "right before", "right after", "id=\"a0\"");
        assertThat(prompt.length()).isLessThanOrEqualTo(budget);
    }

    @Test
    void dropsAllTextAndHeadingsBeforeAnyElement() {
        List<PromptLine> lines = new ArrayList<>();
        lines.add(new PromptLine.Heading(1, "Title of the page"));
        for (int i = 0; i < 20; i++) {
            lines.add(button("a" + i, "Button " + i, true));
            lines.add(text("Some explanation number " + i + " that takes room."));
        }
        String allButtons = String.join("\n", lines.stream().filter(l -> l instanceof PromptLine.Control)
                .map(l -> ElementMarkup.line(l, false)).toList());

        String prompt = new PromptRenderer(allButtons.length()).render(lines);

        assertThat(prompt).isEqualTo(allButtons);
    }

    @Test
    void shortensLongTextsAndHrefsBeforeDroppingElements() {
        String longHref = "https://shop.example/catalogue/category/electronics/phones?sort=price&page=2&filter=brand:acme";
        String longText = "A remarkably long link text that goes on and on about the product range";
        List<PromptLine> lines = List.of(
                text("intro"),
                new PromptLine.Control(Element.builder("a0", "a").attribute("href", longHref).text(longText).build()),
                button("a1", "Buy", true));
        String full = new PromptRenderer().render(lines);

        String prompt = new PromptRenderer(full.length() - 60).render(lines);

        assertThat(prompt).doesNotContain("intro").doesNotContain(longHref).doesNotContain(longText)
                .contains("id=\"a0\"", "id=\"a1\"", "https://shop.example/catalogue/category\u2026", "A remarkably long link text");
        assertThat(prompt.length()).isLessThanOrEqualTo(full.length() - 60);
    }

    @Test
    void dropsElementsOutsideTheViewportAndLowestFirst() {
        List<PromptLine> lines = List.of(
                button("a0", "Top visible", true),
                button("a1", "Below one", false),
                button("a2", "Below two", false),
                button("a3", "Bottom visible", true));
        String full = new PromptRenderer().render(lines);
        full = full.substring(0, full.indexOf("\n(off screen"));
        int budget = full.length() - ElementMarkup.line(lines.get(2), true).length() - 1;

        String prompt = new PromptRenderer(budget).render(lines);

        assertThat(prompt).contains("a0", "a1", "a3").doesNotContain("a2");
    }

    @Test
    void saysHowManyControlsAreOffScreenHowManyDidNotFitAndHowToReachThem() {
        List<PromptLine> lines = new java.util.ArrayList<>();
        lines.add(button("a0", "Above", false));
        lines.add(button("a1", "Visible", true));
        for (int i = 2; i < 200; i++) {
            lines.add(button("a" + i, "Approve order number " + i, false));
        }

        String prompt = new PromptRenderer(2_000).render(lines);

        assertThat(prompt.length()).isLessThanOrEqualTo(2_000);
        assertThat(prompt).contains("id=\"a1\"");
        long listed = java.util.stream.IntStream.range(2, 200).filter(i -> prompt.contains("id=\"a" + i + "\"")).count();
        String note = prompt.substring(prompt.lastIndexOf('\n') + 1);
        assertThat(note).isEqualTo("(off screen: 1 controls above, 198 below; " + (199 - listed - (prompt.contains("id=\"a0\"") ? 1 : 0))
                + " of them are not listed here; scroll up or down to reach them)");
        assertThat(new PromptRenderer().render(List.of(button("a0", "Only", true)))).doesNotContain("off screen");
    }

    @Test
    void frameMarkersGoWithTheirContent() {
        List<PromptLine> lines = List.of(
                button("a0", "Main", true),
                new PromptLine.FrameStart(1, "https://ads.example/"),
                text("An advertisement with plenty of words in it"),
                new PromptLine.FrameEnd(1));
        String prompt = new PromptRenderer(40).render(lines);

        assertThat(prompt).isEqualTo("<button id=\"a0\">Main</button>");
    }

    @Test
    void nestedFramesDisappearTogetherWhenAllTheirContentIsDropped() {
        List<PromptLine> lines = List.of(
                new PromptLine.FrameStart(1, "https://outer.example/"),
                text("outer text that is long enough to matter"),
                new PromptLine.FrameStart(2, "https://inner.example/"),
                text("inner text that is long enough to matter"),
                new PromptLine.FrameEnd(2),
                new PromptLine.FrameEnd(1),
                button("a0", "Main", true),
                new PromptLine.FrameStart(3, "https://kept.example/"),
                button("d0", "Framed", true),
                new PromptLine.FrameEnd(3));
        String prompt = new PromptRenderer(120).render(lines);

        assertThat(prompt).isEqualTo("""
                <button id="a0">Main</button>
                <iframe frame="3" src="https://kept.example/">
                <button id="d0">Framed</button>
                </iframe>""");
    }

    @Test
    void labelLinesNextToTheElementTheyNameAreLeftOut() {
        Element email = Element.builder("a0", "input").name("Email address").attribute("type", "email").build();
        String prompt = new PromptRenderer().render(List.of(
                text("Email address"), new PromptLine.Control(email), text("We never share it.")));
        assertThat(prompt).isEqualTo("<input id=\"a0\" type=\"email\" label=\"Email address\">\nWe never share it.");
    }

    @Test
    void neverExceedsTheBudgetEvenForOneHugeElement() {
        String huge = "x".repeat(500);
        List<PromptLine> lines = List.of(new PromptLine.Control(
                Element.builder("a0", "div").attribute("aria-description", huge).build()));
        assertThat(new PromptRenderer(50).render(lines)).hasSizeLessThanOrEqualTo(50);
    }

    @Test
    void distanceCountsLinesToTheNearestElement() {
        List<PromptLine> lines = List.of(text("t0"), text("t1"), button("a0", "b", true), text("t3"));
        assertThat(PromptRenderer.distanceToNearestControl(lines)).containsExactly(2, 1, 0, 1);
    }

    @Test
    void escapesMarkupInTextAndQuotesInAttributes() {
        Element e = Element.builder("a0", "input").attribute("placeholder", "say \"hi\"").build();
        String prompt = new PromptRenderer().render(List.of(text("1 < 2"), new PromptLine.Control(e)));
        assertThat(prompt).isEqualTo("1 &lt; 2\n<input id=\"a0\" placeholder=\"say &quot;hi&quot;\">");
    }

    @Test
    void rejectsABudgetTooSmallToHoldAnything() {
        assertThatThrownBy(() -> new PromptRenderer(3)).hasMessageContaining("at least 16");
    }
}
