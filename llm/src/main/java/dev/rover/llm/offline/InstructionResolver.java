package dev.rover.llm.offline;

import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Element;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.page.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns one instruction (other than login) into browser actions on the current page, by finding
 * the elements its labels name. It never picks an element that does not match.
 */
final class InstructionResolver {

    private static final int SUGGESTIONS = 5;
    private static final int SCROLL_PIXELS = 800;
    private static final Pattern SUBMIT_TEXT = Pattern.compile(
            "^(?:submit|send|save|continue|next|sign in|log in|login|apply|search|confirm|register|sign up|filter|go|ok|place order|checkout)\\b.*");

    private InstructionResolver() {
    }

    /**
     * Resolves an instruction; {@code lastTyped} is the field typed into last (in this batch or an
     * earlier step) for "press Enter" and "submit the form".
     */
    static Resolution resolve(Instruction instruction, PageSnapshot page, Optional<Target> lastTyped) {
        if (instruction instanceof Instruction.Click c) {
            return click(page, c.target());
        }
        if (instruction instanceof Instruction.Type t) {
            return FieldResolver.type(page, t.target(), t.value());
        }
        if (instruction instanceof Instruction.FillFields f) {
            return FieldResolver.fillFields(page, f.labelValuePairs());
        }
        if (instruction instanceof Instruction.Select s) {
            return FieldResolver.select(page, s.target(), s.option());
        }
        if (instruction instanceof Instruction.Check c) {
            return FieldResolver.check(page, c.target(), c.checked());
        }
        if (instruction instanceof Instruction.Focus f) {
            return FieldResolver.focus(page, f.target());
        }
        if (instruction instanceof Instruction.Expand e) {
            return FieldResolver.expand(page, e.target(), e.open());
        }
        if (instruction instanceof Instruction.PickSuggestion p) {
            return FieldResolver.suggestion(page, p.target(), p.prefix());
        }
        if (instruction instanceof Instruction.Upload u) {
            return upload(page, u.labels(), u.file());
        }
        if (instruction instanceof Instruction.Extract) {
            return new Resolution.Done("reading data is left to the extraction that follows navigation");
        }
        if (instruction instanceof Instruction.PressEnter) {
            Target field = lastTyped.filter(t -> onPage(page, t)).orElse(null);
            return new Resolution.Act(List.of(new BrowserAction.Keypress(field, List.of("Enter"))), true,
                    field != null ? "press Enter in the last typed field" : "press Enter on the page");
        }
        if (instruction instanceof Instruction.Submit) {
            return submit(page, lastTyped);
        }
        if (instruction instanceof Instruction.GoTo g) {
            return new Resolution.Act(List.of(new BrowserAction.GotoUrl(absolute(g.url()))), true, "go to " + g.url());
        }
        if (instruction instanceof Instruction.OpenPage o) {
            return openPage(page, o.labels());
        }
        if (instruction instanceof Instruction.Find f) {
            return find(page, f.text());
        }
        if (instruction instanceof Instruction.Scroll s) {
            return new Resolution.Act(List.of(new BrowserAction.Scroll(null, s.direction(), SCROLL_PIXELS)), false,
                    "scroll " + s.direction());
        }
        if (instruction instanceof Instruction.Wait w) {
            return new Resolution.Act(List.of(new BrowserAction.Wait(w.seconds())), false, "wait " + w.seconds() + " s");
        }
        if (instruction instanceof Instruction.AcceptCookies) {
            return CookieConsent.acceptButton(page)
                    .<Resolution>map(e -> new Resolution.Act(List.of(new BrowserAction.Click(Target.id(e.id()))), false,
                            "accept the cookie banner with \"" + ElementMatcher.displayLabel(e) + "\""))
                    .orElseGet(() -> new Resolution.Done("no cookie banner is shown"));
        }
        throw new IllegalArgumentException("instruction " + instruction.describe() + " is planned by LoginPlanner, not resolved here");
    }

    private static Resolution click(PageSnapshot page, TargetSpec target) {
        TargetMatcher.Result r = TargetMatcher.find(page, target, ElementKind.CLICKABLE);
        if (r instanceof TargetMatcher.None && target.labels().size() == 1) {
            // "choose 4 guests", "select Large size": an option followed or preceded by the name of its list
            Resolution option = optionAndList(page, target.labels().get(0));
            if (option != null) {
                return option;
            }
        }
        if (!(r instanceof TargetMatcher.Found found) || (found.elements().size() > 1 && !target.all())) {
            return FieldResolver.unresolved(page, target, r, ElementKind.CLICKABLE);
        }
        List<BrowserAction> actions = new ArrayList<>();
        boolean navigates = false;
        for (Element e : found.elements()) {
            if (ElementKind.CHECKABLE.accepts(e) && !ElementKind.CLICKABLE.accepts(e)) {
                boolean radio = e.type().equals("radio") || e.role().equals("radio");
                actions.add(new BrowserAction.Checkbox(Target.id(e.id()), radio || !e.state().checked()));
            } else {
                actions.add(new BrowserAction.Click(Target.id(e.id())));
                navigates |= likelyNavigates(e);
            }
        }
        return new Resolution.Act(actions, navigates, "click " + FieldResolver.names(found.elements()));
    }

    private static Resolution optionAndList(PageSnapshot page, String words) {
        String[] w = words.strip().split("\\s+");
        for (int n = 1; n < w.length; n++) {
            String head = String.join(" ", java.util.Arrays.copyOfRange(w, 0, n));
            String tail = String.join(" ", java.util.Arrays.copyOfRange(w, n, w.length));
            for (String[] split : new String[][] {{head, tail}, {tail, head}}) {
                TargetMatcher.Result list = TargetMatcher.find(page, TargetSpec.labels(List.of(split[1])), ElementKind.SELECT);
                if (list instanceof TargetMatcher.Found f && f.elements().size() == 1 && f.score() >= LabelText.STARTS_WITH
                        && FieldResolver.findOption(f.elements().get(0), split[0]).isPresent()) {
                    return FieldResolver.chooseOption(f.elements().get(0), split[0]);
                }
            }
        }
        return null;
    }

    private static Resolution click(PageSnapshot page, List<String> labels) {
        return click(page, TargetSpec.labels(labels));
    }

    private static Resolution upload(PageSnapshot page, List<String> labels, String file) {
        Optional<ElementMatcher.Match> m = ElementMatcher.find(page, labels, ElementKind.FILE);
        if (m.isEmpty()) {
            return missing(page, labels, ElementKind.FILE);
        }
        Element e = m.get().element();
        return new Resolution.Act(List.of(new BrowserAction.UploadFile(Target.id(e.id()), file)), false,
                "upload the file to \"" + ElementMatcher.displayLabel(e) + "\" (" + e.id() + ")");
    }

    private static Resolution submit(PageSnapshot page, Optional<Target> lastTyped) {
        List<Element> explicit = page.elements().stream()
                .filter(e -> e.type().equals("submit") || (e.tag().equalsIgnoreCase("input") && e.type().equals("image"))).toList();
        List<Element> candidates = explicit.isEmpty() ? page.elements().stream()
                .filter(e -> ElementKind.CLICKABLE.accepts(e) && !e.tag().equalsIgnoreCase("a")
                        && SUBMIT_TEXT.matcher(LabelText.normalize(ElementMatcher.displayLabel(e))).matches()).toList() : explicit;
        Element chosen = null;
        if (candidates.size() == 1) {
            chosen = candidates.get(0);
        } else if (candidates.size() > 1 && lastTyped.isPresent() && lastTyped.get().hasId()) {
            int fieldIndex = indexOf(page, lastTyped.get().elementId());
            if (fieldIndex >= 0) {
                chosen = candidates.stream().filter(c -> indexOf(page, c.id()) > fieldIndex).findFirst().orElse(null);
            }
        }
        if (chosen == null) {
            List<String> names = candidates.stream().map(ElementMatcher::displayLabel).limit(SUGGESTIONS).toList();
            return new Resolution.Missing(candidates.isEmpty() ? "a submit button" : "a single submit button (several match)",
                    names.isEmpty() ? ElementMatcher.closestLabels(page, List.of("submit"), ElementKind.CLICKABLE, SUGGESTIONS) : names);
        }
        return new Resolution.Act(List.of(new BrowserAction.Click(Target.id(chosen.id()))), true,
                "submit with \"" + ElementMatcher.displayLabel(chosen) + "\" (" + chosen.id() + ")");
    }

    private static Resolution openPage(PageSnapshot page, List<String> labels) {
        for (String label : labels) {
            if (alreadyOn(page, label)) {
                return new Resolution.Done("already on the \"" + label + "\" page");
            }
        }
        return click(page, labels);
    }

    private static Resolution find(PageSnapshot page, String text) {
        String visible = page.content().visibleText() + " " + page.title() + " "
                + String.join(" ", page.content().headings().stream().map(h -> h.text()).toList());
        if (LabelText.containsPhrase(visible, text)) {
            return new Resolution.Done("\"" + text + "\" is on the page");
        }
        Optional<ElementMatcher.Match> m = ElementMatcher.find(page, List.of(text), ElementKind.CLICKABLE)
                .filter(x -> x.score() >= LabelText.CONTAINS);
        if (m.isPresent()) {
            return click(page, List.of(text));
        }
        return new Resolution.Missing(text, ElementMatcher.closestLabels(page, List.of(text), ElementKind.CLICKABLE, SUGGESTIONS));
    }

    /** True when the URL, title or main heading already names the page. */
    static boolean alreadyOn(PageSnapshot page, String label) {
        String url = page.url().replaceFirst("^[a-z]+://[^/]+", "");
        String h1 = page.content().headings().stream().filter(h -> h.level() <= 2).map(h -> h.text()).findFirst().orElse("");
        return LabelText.containsAllWords(url, label) || LabelText.containsPhrase(page.title(), label) || LabelText.containsPhrase(h1, label);
    }

    static Resolution.Missing missing(PageSnapshot page, List<String> labels, ElementKind kind) {
        return new Resolution.Missing(String.join("\" or \"", labels), ElementMatcher.closestLabels(page, labels, kind, SUGGESTIONS));
    }

    private static boolean likelyNavigates(Element e) {
        String tag = e.tag().toLowerCase(Locale.ROOT);
        return tag.equals("a") || e.role().equalsIgnoreCase("link") || e.type().equals("submit")
                || (tag.equals("button") && (e.type().isEmpty() || e.type().equals("submit")) && !e.attribute("form").isEmpty())
                || (tag.equals("button") && SUBMIT_TEXT.matcher(LabelText.normalize(ElementMatcher.displayLabel(e))).matches());
    }

    private static boolean onPage(PageSnapshot page, Target t) {
        return !t.hasId() || page.element(t.elementId()).isPresent();
    }

    private static int indexOf(PageSnapshot page, String id) {
        for (int i = 0; i < page.elements().size(); i++) {
            if (page.elements().get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static String absolute(String url) {
        return url.matches("(?i)^[a-z][a-z0-9+.-]*://.*") ? url : "https://" + url;
    }
}
