package dev.rover.llm.offline;

import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Element;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.page.SelectOption;
import dev.rover.core.page.Target;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns the instructions that change a field (type, select, check, focus, expand, autocomplete)
 * into browser actions on the elements their targets name; dates are written as the field needs.
 */
final class FieldResolver {

    private static final int SUGGESTIONS = 5;

    private FieldResolver() {
    }

    static Resolution type(PageSnapshot page, TargetSpec target, String value) {
        TargetMatcher.Result r = TargetMatcher.find(page, target, ElementKind.FIELD);
        if (!(r instanceof TargetMatcher.Found found)) {
            return unresolved(page, target, r, ElementKind.FIELD);
        }
        List<BrowserAction> actions = new ArrayList<>();
        for (Element e : found.elements()) {
            if (ElementKind.SELECT.accepts(e) && !ElementKind.isTextField(e)) {
                Resolution option = chooseOption(e, value);
                if (!(option instanceof Resolution.Act a)) {
                    return option;
                }
                actions.addAll(a.actions());
                continue;
            }
            Optional<String> text = textFor(e, value);
            if (text.isEmpty()) {
                return new Resolution.Fail("\"" + ElementMatcher.displayLabel(e) + "\" takes a date and "
                        + DateText.parse(value).problem(), List.of());
            }
            actions.add(new BrowserAction.InputText(Target.id(e.id()), text.get()));
        }
        return new Resolution.Act(actions, false, "type into " + names(found.elements()));
    }

    /** The text to type: the value itself, or a date written as the field needs it; empty for an unreadable date. */
    private static Optional<String> textFor(Element e, String value) {
        boolean dateInput = e.type().equals("date");
        boolean datePattern = DateText.isDatePlaceholder(e.attribute("placeholder"));
        if (!(dateInput || datePattern) || value.isEmpty() || value.contains("{{")) {
            return Optional.of(value);
        }
        DateText.Parsed parsed = DateText.parse(value);
        if (!parsed.ok()) {
            return Optional.empty();
        }
        return Optional.of(DateText.format(parsed.date(), dateInput ? "" : e.attribute("placeholder")));
    }

    /** "first name Ann": the longest leading words that name a field are the label, the rest is the value. */
    static Resolution fillFields(PageSnapshot page, List<String> pairs) {
        List<BrowserAction> actions = new ArrayList<>();
        for (String pair : pairs) {
            String[] words = pair.strip().split("\\s+");
            BrowserAction action = null;
            for (int n = words.length - 1; n >= 1 && action == null; n--) {
                String label = String.join(" ", Arrays.copyOfRange(words, 0, n));
                String value = String.join(" ", Arrays.copyOfRange(words, n, words.length));
                Optional<ElementMatcher.Match> m = ElementMatcher.find(page, List.of(label), ElementKind.FIELD)
                        .filter(x -> x.score() >= LabelText.STARTS_WITH);
                if (m.isPresent()) {
                    Element e = m.get().element();
                    action = ElementKind.SELECT.accepts(e) ? selectAction(e, value)
                            : new BrowserAction.InputText(Target.id(e.id()), textFor(e, value).orElse(value));
                }
            }
            if (action == null) {
                return InstructionResolver.missing(page, List.of(pair), ElementKind.FIELD);
            }
            actions.add(action);
        }
        return new Resolution.Act(actions, false, "fill " + pairs.size() + " fields");
    }

    static Resolution select(PageSnapshot page, TargetSpec target, String option) {
        TargetMatcher.Result r = TargetMatcher.find(page, target.orRole(Role.LIST), ElementKind.SELECT);
        if (r instanceof TargetMatcher.None) {
            r = TargetMatcher.find(page, target, ElementKind.FIELD);
        }
        if (r instanceof TargetMatcher.Found found && found.elements().size() == 1) {
            return chooseOption(found.elements().get(0), option);
        }
        if (r instanceof TargetMatcher.None) {
            // "choose Express as the shipping method": a radio button of that group
            Resolution radio = radioInGroup(page, target, option);
            if (radio != null) {
                return radio;
            }
        }
        return unresolved(page, target, r, ElementKind.SELECT);
    }

    private static Resolution radioInGroup(PageSnapshot page, TargetSpec group, String option) {
        TargetSpec choice = new TargetSpec(List.of(option), Role.ANY, 0, false, "");
        TargetMatcher.Result r = TargetMatcher.find(page, choice, ElementKind.CHECKABLE);
        if (!(r instanceof TargetMatcher.Found found) || found.elements().size() != 1) {
            return null;
        }
        Element e = found.elements().get(0);
        boolean inGroup = group.labels().stream().anyMatch(l -> LabelText.containsAllWords(e.context() + " " + e.attribute("name"), l));
        return inGroup ? new Resolution.Act(List.of(new BrowserAction.Checkbox(Target.id(e.id()), true)), false,
                "choose \"" + ElementMatcher.displayLabel(e) + "\" (" + e.id() + ")") : null;
    }

    static Resolution chooseOption(Element e, String option) {
        if (!e.options().isEmpty() && findOption(e, option).isEmpty()) {
            List<String> labels = e.options().stream().map(SelectOption::label).filter(l -> !l.isBlank()).limit(10).toList();
            return new Resolution.Missing("option \"" + option + "\" of \"" + ElementMatcher.displayLabel(e) + "\"", labels);
        }
        return new Resolution.Act(List.of(selectAction(e, option)), false,
                "select \"" + option + "\" in \"" + ElementMatcher.displayLabel(e) + "\" (" + e.id() + ")");
    }

    static BrowserAction selectAction(Element e, String option) {
        Optional<SelectOption> o = findOption(e, option);
        return o.<BrowserAction>map(x -> new BrowserAction.SelectOption(Target.id(e.id()), x.label(), x.value(), x.index()))
                .orElseGet(() -> new BrowserAction.SelectOption(Target.id(e.id()), option, null, null));
    }

    /** The option a person means: same label, same value, or the one label that starts with the words. */
    static Optional<SelectOption> findOption(Element e, String option) {
        String wanted = LabelText.normalize(option);
        Optional<SelectOption> exact = e.options().stream().filter(o -> LabelText.normalize(o.label()).equals(wanted)).findFirst()
                .or(() -> e.options().stream().filter(o -> LabelText.normalize(o.value()).equals(wanted)).findFirst());
        if (exact.isPresent()) {
            return exact;
        }
        List<SelectOption> starting = e.options().stream()
                .filter(o -> LabelText.score(wanted, LabelText.normalize(o.label())) >= LabelText.STARTS_WITH).toList();
        return starting.size() == 1 ? Optional.of(starting.get(0)) : Optional.empty();
    }

    static Resolution check(PageSnapshot page, TargetSpec target, boolean checked) {
        TargetMatcher.Result r = TargetMatcher.find(page, target, ElementKind.CHECKABLE);
        if (r instanceof TargetMatcher.None && target.labels().size() == 1) {
            // "Tick Cheese and Ham": a list of labels, when no single box is called that
            List<String> parts = List.of(target.labels().get(0).split("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+"));
            if (parts.size() > 1) {
                List<Element> each = new ArrayList<>();
                for (String part : parts) {
                    TargetMatcher.Result one = TargetMatcher.find(page, new TargetSpec(List.of(part), target.role(), 0, false,
                            target.container()), ElementKind.CHECKABLE);
                    if (!(one instanceof TargetMatcher.Found f) || f.elements().size() != 1) {
                        return unresolved(page, new TargetSpec(List.of(part), target.role(), 0, false, target.container()), one,
                                ElementKind.CHECKABLE);
                    }
                    each.add(f.elements().get(0));
                }
                r = new TargetMatcher.Found(each, 0);
            }
        }
        if (!(r instanceof TargetMatcher.Found found)) {
            return unresolved(page, target, r, ElementKind.CHECKABLE);
        }
        List<BrowserAction> actions = found.elements().stream()
                .<BrowserAction>map(e -> new BrowserAction.Checkbox(Target.id(e.id()), checked)).toList();
        return new Resolution.Act(actions, false, (checked ? "check " : "uncheck ") + names(found.elements()));
    }

    static Resolution focus(PageSnapshot page, TargetSpec target) {
        TargetMatcher.Result r = TargetMatcher.find(page, target, ElementKind.FIELD);
        if (r instanceof TargetMatcher.None) {
            r = TargetMatcher.find(page, target, ElementKind.CLICKABLE);
        }
        if (!(r instanceof TargetMatcher.Found found) || found.elements().size() != 1) {
            return unresolved(page, target, r, ElementKind.FIELD);
        }
        Element e = found.elements().get(0);
        if ("true".equals(e.attribute("focused"))) {
            return new Resolution.Done("\"" + ElementMatcher.displayLabel(e) + "\" already has the focus");
        }
        return new Resolution.Act(List.of(new BrowserAction.Click(Target.id(e.id()))), false,
                "focus \"" + ElementMatcher.displayLabel(e) + "\" (" + e.id() + ")");
    }

    static Resolution expand(PageSnapshot page, TargetSpec target, boolean open) {
        PageSnapshot toggles = only(page, FieldResolver::isToggle);
        TargetMatcher.Result r = TargetMatcher.find(toggles, target, ElementKind.CLICKABLE);
        if (!(r instanceof TargetMatcher.Found found) || found.elements().size() != 1) {
            return unresolved(toggles, target, r, ElementKind.CLICKABLE);
        }
        Element e = found.elements().get(0);
        if (e.state().expanded() == open) {
            return new Resolution.Done("\"" + ElementMatcher.displayLabel(e) + "\" is already " + (open ? "expanded" : "collapsed"));
        }
        return new Resolution.Act(List.of(new BrowserAction.Click(Target.id(e.id()))), false,
                (open ? "expand \"" : "collapse \"") + ElementMatcher.displayLabel(e) + "\" (" + e.id() + ")");
    }

    /** An element that opens and closes a section: a details summary or anything with aria-expanded. */
    static boolean isToggle(Element e) {
        return e.tag().equals("summary") || !e.attribute("aria-expanded").isEmpty();
    }

    /**
     * Autocomplete: type the start into the field (a first part), then, once suggestions show,
     * click the first one that starts with it.
     */
    static Resolution suggestion(PageSnapshot page, TargetSpec target, String prefix) {
        PageSnapshot pool = target.labels().isEmpty() && target.role() == Role.ANY ? only(page, FieldResolver::isAutocomplete) : page;
        TargetMatcher.Result r = TargetMatcher.find(pool, target, ElementKind.FIELD);
        if (!(r instanceof TargetMatcher.Found found) || found.elements().size() != 1) {
            return unresolved(pool, target, r, ElementKind.FIELD);
        }
        Element field = found.elements().get(0);
        String wanted = LabelText.normalize(prefix);
        boolean typed = LabelText.normalize(field.value()).startsWith(wanted);
        List<Element> options = page.elements().stream()
                .filter(e -> e.role().equals("option") && (e.box() == null || e.box().hasArea())
                        && LabelText.normalize(ElementMatcher.displayLabel(e)).startsWith(wanted)).toList();
        if (typed && !options.isEmpty()) {
            Element pick = options.get(0);
            return new Resolution.Act(List.of(new BrowserAction.Click(Target.id(pick.id()))), false,
                    "pick the suggestion \"" + ElementMatcher.displayLabel(pick) + "\" (" + pick.id() + ") for \""
                            + ElementMatcher.displayLabel(field) + "\" (" + field.id() + ")");
        }
        if (typed && LabelText.normalize(field.value()).equals(wanted)) {
            return new Resolution.Missing("a suggestion starting with \"" + prefix + "\" under \"" + ElementMatcher.displayLabel(field) + "\"",
                    page.elements().stream().filter(e -> e.role().equals("option")).map(ElementMatcher::displayLabel).limit(SUGGESTIONS).toList());
        }
        return new Resolution.Prepare(List.of(new BrowserAction.InputText(Target.id(field.id()), prefix)),
                "type \"" + prefix + "\" into \"" + ElementMatcher.displayLabel(field) + "\" (" + field.id() + ") to get suggestions");
    }

    private static boolean isAutocomplete(Element e) {
        return e.role().equals("combobox") || !e.attribute("aria-autocomplete").isEmpty() || !e.attribute("list").isEmpty();
    }

    private static PageSnapshot only(PageSnapshot page, Predicate<Element> keep) {
        return new PageSnapshot(page.url(), page.title(), page.elements().stream().filter(keep).toList(), page.content(),
                "", page.tabs(), page.takenAt());
    }

    /** A missing or ambiguous target as a resolution. */
    static Resolution unresolved(PageSnapshot page, TargetSpec target, TargetMatcher.Result r, ElementKind kind) {
        if (r instanceof TargetMatcher.Ambiguous a) {
            return new Resolution.Ambiguous(target.describe(), a.candidates().stream().map(TargetMatcher::name).toList());
        }
        if (r instanceof TargetMatcher.Found f) {
            return new Resolution.Ambiguous(target.describe(), f.elements().stream().map(TargetMatcher::name).toList());
        }
        List<String> wanted = target.labels().isEmpty() ? List.of(target.role().noun()) : target.labels();
        String label = target.labels().isEmpty() || target.ordinal() != 0 || !target.container().isEmpty()
                ? target.describe().replace("\"", "") : String.join("\" or \"", target.labels());
        return new Resolution.Missing(label, ElementMatcher.closestLabels(page, wanted, kind, SUGGESTIONS));
    }

    static String names(List<Element> elements) {
        return String.join(", ", elements.stream().map(e -> "\"" + ElementMatcher.displayLabel(e) + "\" (" + e.id() + ")").toList());
    }
}
