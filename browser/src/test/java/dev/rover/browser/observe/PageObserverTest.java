package dev.rover.browser.observe;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import dev.rover.core.page.Element;
import dev.rover.core.page.PageContent;
import dev.rover.core.page.PageSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PageObserverTest extends ChromiumPageTest {

    private final PageObserver observer = new PageObserver();

    private static Map<String, Element> byName(PageSnapshot snapshot) {
        return snapshot.elements().stream().filter(e -> !e.attribute("name").isEmpty())
                .collect(Collectors.toMap(e -> e.attribute("name"), Function.identity(), (a, b) -> a));
    }

    @Test
    void idsAreStableWhileTheDomIsUnchangedAndNewElementsGetFreshOnes() {
        server.load(page, "forms.html");
        PageSnapshot first = observer.observe(page);
        PageSnapshot second = observer.observe(page);

        assertThat(second.elements()).extracting(Element::id).containsExactlyElementsOf(
                first.elements().stream().map(Element::id).toList());
        assertThat(first.elements()).allSatisfy(e -> assertThat(e.id()).matches("a[0-9]{1,3}"));

        page.evaluate("() => { const b = document.createElement('button'); b.textContent = 'Added';"
                + " document.body.prepend(b); }");
        PageSnapshot third = observer.observe(page);

        Element added = third.elements().get(0);
        assertThat(added.text()).isEqualTo("Added");
        Set<String> earlier = first.elements().stream().map(Element::id).collect(Collectors.toSet());
        assertThat(earlier).doesNotContain(added.id());
        assertThat(third.elements().subList(1, third.elements().size())).extracting(Element::id)
                .containsExactlyElementsOf(first.elements().stream().map(Element::id).toList());
        assertThat(page.locator("[data-rover-id=" + added.id() + "]").textContent()).isEqualTo("Added");
    }

    @Test
    void describesFormControls() {
        server.load(page, "forms.html");
        Map<String, Element> byName = byName(observer.observe(page));

        Element first = byName.get("first");
        assertThat(first.name()).isEqualTo("First name");
        assertThat(first.role()).isEqualTo("textbox");
        assertThat(first.state().required()).isTrue();
        assertThat(first.state().editable()).isTrue();
        assertThat(first.context()).contains("Identity");
        assertThat(byName.get("email").name()).isEqualTo("Email");
        assertThat(byName.get("bio").name()).isEqualTo("Biography");
        assertThat(byName.get("news").state().checked()).isTrue();
        assertThat(byName.get("news").role()).isEqualTo("checkbox");
        assertThat(byName.get("ref").state().readonly()).isTrue();
        assertThat(byName.get("old").state().disabled()).isTrue();
        Element country = byName.get("country");
        assertThat(country.role()).isEqualTo("combobox");
        assertThat(country.value()).isEqualTo("de");
        assertThat(country.options()).extracting(o -> o.label() + "=" + o.value() + (o.selected() ? "*" : ""))
                .containsExactly("Choose=", "France=fr", "Germany=de*");
        assertThat(byName.get("volume").attributes()).containsEntry("min", "0").containsEntry("max", "10");
        assertThat(byName.get("cv").attribute("accept")).isEqualTo(".pdf");
    }

    @Test
    void masksPasswordsAndSecretMarkedValuesEverywhere() {
        server.load(page, "forms.html");
        page.fill("#first", "Ada");
        PageSnapshot snapshot = observer.observe(page);
        Map<String, Element> byName = byName(snapshot);

        assertThat(byName.get("password").value()).isEqualTo(Element.MASKED);
        assertThat(byName.get("password").attributes()).containsEntry("value", Element.MASKED);
        assertThat(byName.get("apiKey").value()).isEqualTo(Element.MASKED);
        assertThat(byName.get("first").value()).isEqualTo("Ada");
        assertThat(snapshot.promptText()).contains("value=\"Ada\"").doesNotContain("hunter2", "sk-live");
        assertThat(snapshot.elements().toString()).doesNotContain("hunter2", "sk-live");

        server.load(page, "content.html");
        PageSnapshot content = observer.observe(page);
        assertThat(content.promptText() + content.content()).doesNotContain("tok_live", "4711");
        assertThat(content.content().labeledValues()).contains(new PageContent.LabeledValue("PIN", Element.MASKED));
    }

    @Test
    void readsHeadingsTablesAndLabelledValues() {
        server.load(page, "content.html");
        PageSnapshot snapshot = observer.observe(page);
        PageContent content = snapshot.content();

        assertThat(snapshot.title()).isEqualTo("Invoice INV-2041");
        assertThat(content.headings()).containsExactly(new PageContent.Heading(1, "Invoice INV-2041"),
                new PageContent.Heading(2, "Summary"), new PageContent.Heading(2, "Lines"));
        assertThat(content.tables()).hasSize(1);
        PageContent.Table lines = content.tables().get(0);
        assertThat(lines.caption()).isEqualTo("Invoice lines");
        assertThat(lines.headers()).containsExactly("Item", "Qty", "Price", "Edit");
        assertThat(lines.rows()).hasSize(2);
        assertThat(lines.rows().get(1)).startsWith("Gadget", "1", "1,034.50");
        assertThat(content.labeledValues()).contains(
                new PageContent.LabeledValue("Status", "Paid"),
                new PageContent.LabeledValue("Customer", "ACME Corp"),
                new PageContent.LabeledValue("Due date", "2026-04-01"),
                new PageContent.LabeledValue("Total", "1,234.50 EUR"));
        assertThat(content.visibleText()).contains("Thank you for your order.").doesNotContain("  ");
        Element edit = snapshot.elements().get(0);
        assertThat(edit.context()).contains("Edit").contains("Lines").contains("Widget");
        // the two Edit buttons are told apart by their rows, which stay beside them whatever prose is dropped
        assertThat(snapshot.promptText()).contains("# Invoice INV-2041", "## Lines",
                "<button id=\"" + edit.id() + "\" row=\"Widget | 2 | 100.00\">Edit</button>",
                "row=\"Gadget | 1 | 1,034.50\">Edit</button>");
    }

    @Test
    void framesGetTheirOwnLetterAndPageCoordinates() {
        server.load(page, "frames.html");
        PageSnapshot snapshot = observer.observe(page);
        Map<String, Element> byName = byName(snapshot);

        Element card = byName.get("card");
        Element nested = byName.get("code");
        Element otp = byName.get("otp");
        assertThat(List.of(card.frame(), nested.frame(), otp.frame())).doesNotContain(0).doesNotHaveDuplicates();
        assertThat(List.of(card.id().charAt(0), nested.id().charAt(0), otp.id().charAt(0))).doesNotHaveDuplicates()
                .doesNotContain('a');
        assertThat(snapshot.elements()).extracting(Element::id).doesNotHaveDuplicates();

        BoundingBox real = page.frameLocator("#same").locator("[name=card]").boundingBox();
        assertThat(card.box().x()).isCloseTo(real.x, within(1.0));
        assertThat(card.box().y()).isCloseTo(real.y, within(1.0));
        assertThat(card.inViewport()).isTrue();
        assertThat(snapshot.promptText()).contains("<iframe frame=\"" + otp.frame() + "\"", "</iframe>");

        PageSnapshot again = observer.observe(page);
        assertThat(again.elements()).extracting(Element::id)
                .containsExactlyElementsOf(snapshot.elements().stream().map(Element::id).toList());
    }

    @Test
    void aFrameThePageCannotReachIsStillObservedInItsPlace() {
        // a sandboxed frame has an opaque origin: the main frame's script cannot enter it, and its URL says nothing
        page.setContent("<button>Outside</button><iframe sandbox srcdoc=\"<button>Sandboxed</button>\"></iframe>"
                + "<iframe srcdoc=\"<button>Same origin</button>\"></iframe>");
        assertThat(page.frames()).hasSize(3); // setContent waited for the frames' load events
        PageSnapshot snapshot = observer.observe(page);

        Map<String, Element> byText = new java.util.HashMap<>();
        snapshot.elements().forEach(e -> byText.put(e.text(), e));
        assertThat(byText).containsKeys("Outside", "Sandboxed", "Same origin");
        assertThat(byText.get("Sandboxed").frame()).isNotEqualTo(0).isNotEqualTo(byText.get("Same origin").frame());
        assertThat(snapshot.promptText().indexOf("Sandboxed")).as("the sandboxed frame's content sits at its iframe")
                .isLessThan(snapshot.promptText().indexOf("Same origin"));
    }

    @Test
    void severalCrossOriginFramesEachHaveTheirOwnLetterAndStableIds() {
        server.load(page, "frames-two.html");
        PageSnapshot first = observer.observe(page);
        Map<String, Element> byName = first.elements().stream().collect(Collectors.toMap(
                e -> e.name().isEmpty() ? e.text() : e.name(), Function.identity(), (a, b) -> a));

        Element code = byName.get("One-time code");
        Element street = byName.get("Street");
        assertThat(List.of(code.frame(), street.frame())).doesNotContain(0).doesNotHaveDuplicates();
        assertThat(byName.get("City").frame()).isEqualTo(street.frame());
        assertThat(List.of(letter(byName.get("Pay now")), letter(code), letter(street))).doesNotHaveDuplicates();
        assertThat(first.promptText().indexOf("One-time code")).isLessThan(first.promptText().indexOf("Street"));
        assertThat(observer.observe(page).elements()).extracting(Element::id)
                .containsExactlyElementsOf(first.elements().stream().map(Element::id).toList());

        // both frames claim the same letter, as windows from an observation Rover no longer knows of could
        for (com.microsoft.playwright.Frame frame : page.frames()) {
            if (frame != page.mainFrame()) {
                frame.evaluate("() => { window.__roverLetter = 'q'; }");
            }
        }
        PageSnapshot after = observer.observe(page);
        Map<Integer, Set<String>> lettersByFrame = after.elements().stream().collect(Collectors.groupingBy(Element::frame,
                Collectors.mapping(PageObserverTest::letter, Collectors.toSet())));
        assertThat(lettersByFrame).hasSize(3);
        assertThat(lettersByFrame.values()).allSatisfy(letters -> assertThat(letters).hasSize(1));
        assertThat(lettersByFrame.values().stream().flatMap(Set::stream).toList()).doesNotHaveDuplicates();
    }

    private static String letter(Element element) {
        return element.id().replaceAll("[0-9]+$", "");
    }

    @Test
    void keepsElementsBelowTheFoldButMarksThemOutOfViewport() {
        server.load(page, "hidden.html");
        PageSnapshot snapshot = observer.observe(page);
        Element below = snapshot.elements().stream().filter(e -> e.text().equals("Below the fold")).findFirst().orElseThrow();
        assertThat(below.inViewport()).isFalse();
        assertThat(below.box().y()).isGreaterThan(2000);
        page.evaluate("() => window.scrollTo(0, 1000)");
        Element scrolled = observer.observe(page).element(below.id()).orElseThrow();
        assertThat(scrolled.box().y()).isCloseTo(below.box().y(), within(1.0));
    }

    @Test
    void largePagePromptKeepsToTheBudgetAndStillListsElements() {
        server.load(page, "large.html");
        ObserveOptions options = ObserveOptions.builder().promptBudgetChars(24_000).build();
        PageSnapshot snapshot = observer.observe(page, options);

        assertThat(snapshot.elements()).hasSizeGreaterThanOrEqualTo(4000);
        assertThat(snapshot.promptText().length()).isLessThanOrEqualTo(24_000).isGreaterThan(20_000);
        assertThat(snapshot.promptText()).contains("id=\"" + snapshot.elements().get(0).id() + "\"");
        Element lastInViewport = snapshot.elements().stream().filter(Element::inViewport).reduce((a, b) -> b).orElseThrow();
        assertThat(snapshot.promptText()).contains("id=\"" + lastInViewport.id() + "\"");
        assertThat(snapshot.promptText()).doesNotContain("Paragraph 39");
        assertThat(snapshot.content().visibleText().length()).isLessThanOrEqualTo(options.visibleTextBudgetChars());
        PageContent.Table orders = snapshot.content().tables().get(0);
        assertThat(orders.caption()).as("nearest heading stands in for a missing caption").isEqualTo("Orders");
        assertThat(orders.headers()).startsWith("Order", "Customer", "Status");
        assertThat(orders.rows()).hasSize(200);
        assertThat(orders.rows().get(0)).containsExactly("Order #10001", "Customer 1 Ltd", "Pending", "7.00 EUR", "", "low", "Approve");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {24_000, 6_000, 1_500})
    void controlsThePromptCannotShowAreOnlyIndexedAndThePromptIsTheSame(int budget) {
        server.load(page, "large.html");
        PageSnapshot indexed = observer.observe(page, ObserveOptions.builder().promptBudgetChars(budget).build());
        PageSnapshot full = observer.observe(page, ObserveOptions.builder().promptBudgetChars(budget).everyElementInFull(true).build());

        assertThat(indexed.promptText()).isEqualTo(full.promptText());
        assertThat(indexed.elements()).extracting(Element::id).containsExactlyElementsOf(full.elements().stream().map(Element::id).toList());
        assertThat(full.elements()).noneMatch(Element::indexed);
        List<Element> onlyIndexed = indexed.elements().stream().filter(Element::indexed).toList();
        assertThat(onlyIndexed).as("controls read in full: %s of %s", indexed.elements().size() - onlyIndexed.size(),
                indexed.elements().size()).hasSizeGreaterThan(indexed.elements().size() / 2);
        for (Element e : onlyIndexed) {
            Element whole = full.element(e.id()).orElseThrow();
            assertThat(e.inViewport()).isFalse();
            assertThat(indexed.promptText()).doesNotContain("id=\"" + e.id() + "\"");
            assertThat(List.of(e.tag(), e.role(), e.name(), e.state(), e.box())).containsExactly(whole.tag(), whole.role(),
                    whole.name(), whole.state(), whole.box());
            assertThat(e.attributes()).isEmpty();
            assertThat(e.options()).isEmpty();
            assertThat(e.value() + e.text() + e.context()).isEmpty();
        }
        Element lastSelect = full.elements().stream().filter(e -> e.tag().equals("select")).reduce((a, b) -> b).orElseThrow();
        assertThat(lastSelect.options()).extracting(o -> o.label()).containsExactly("low", "normal", "high");
        assertThat(indexed.element(lastSelect.id()).orElseThrow().options()).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"forms.html", "hidden.html", "widgets.html", "content.html"})
    void aroundTheBudgetWhereIndexingStartsThePromptStaysTheSame(String pageName) {
        page.setViewportSize(1280, 240);
        server.load(page, pageName);
        int indexing = 0;
        for (int budget = 40; budget <= 2_400; budget += 7) {
            PageSnapshot indexed = observer.observe(page, ObserveOptions.builder().promptBudgetChars(budget).build());
            PageSnapshot full = observer.observe(page, ObserveOptions.builder().promptBudgetChars(budget).everyElementInFull(true).build());
            assertThat(indexed.promptText()).as("budget %s", budget).isEqualTo(full.promptText());
            if (indexed.elements().stream().anyMatch(Element::indexed)) {
                indexing++;
            }
        }
        assertThat(indexing).as("budgets at which %s had controls only indexed", pageName).isPositive();
    }

    @Test
    void aPageThePromptHoldsAndTheControlsInViewAreReadInFull() {
        server.load(page, "forms.html");
        assertThat(observer.observe(page).elements()).isNotEmpty().noneMatch(Element::indexed);
        server.load(page, "large.html");
        page.evaluate("() => document.querySelectorAll('tr')[800].scrollIntoView()");
        PageSnapshot bottom = observer.observe(page);
        assertThat(bottom.elements().stream().filter(Element::inViewport)).as("the controls in view").isNotEmpty()
                .noneMatch(Element::indexed);
        assertThat(bottom.elements()).anyMatch(Element::indexed);
        assertThat(bottom.promptText()).isEqualTo(observer.observe(page, ObserveOptions.builder().everyElementInFull(true).build()).promptText());
    }

    @Test
    void listsTabsWithTheObservedOneActive() {
        server.load(page, "widgets.html");
        Page popup = page.waitForPopup(() -> page.click("a[target=_blank]"));
        popup.waitForLoadState();
        PageSnapshot snapshot = observer.observe(page);

        assertThat(snapshot.tabs()).hasSize(2);
        assertThat(snapshot.promptText()).contains("More options").doesNotContain("Hidden until opened");
        assertThat(snapshot.tabs().get(0).active()).isTrue();
        assertThat(snapshot.tabs().get(0).title()).isEqualTo("Widgets");
        assertThat(snapshot.tabs().get(1).active()).isFalse();
        assertThat(snapshot.tabs().get(1).title()).isEqualTo("Invoice INV-2041");
        assertThat(snapshot.tabs().get(1).url()).endsWith("/content.html");
    }
}
