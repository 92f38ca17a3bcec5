package dev.rover.llm.offline;

import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Element;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.page.SelectOption;
import dev.rover.core.engine.ActionRecord;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back, on the page observed after a step, what that step's actions were meant to do: the
 * value a field holds, the option a list shows, a checkbox's state, where the focus is, whether a
 * section opened. An instruction counts as done only once this agrees; otherwise the block ends
 * not completed, naming the instruction and what the page shows instead.
 */
final class ActionChecker {

    private static final Pattern TAG = Pattern.compile("^(?:Instruction|Preparing instruction) (\\d+) of \\d+\\b");

    private ActionChecker() {
    }

    /**
     * The first disagreement between the last step's actions and the page, as a sentence naming the
     * instruction; empty when everything the last step did reads back as intended.
     */
    static Optional<String> check(List<ActionRecord> history, List<Instruction> instructions, PageSnapshot page) {
        if (history == null || history.isEmpty()) {
            return Optional.empty();
        }
        int lastStep = history.get(history.size() - 1).step();
        for (ActionRecord r : history) {
            if (r.step() != lastStep || (r.result() != null && !r.result().success()) || r.reasoning() == null) {
                continue;
            }
            Matcher m = TAG.matcher(r.reasoning());
            if (!m.find()) {
                continue;
            }
            int index = Integer.parseInt(m.group(1));
            if (index < 1 || index > instructions.size()) {
                continue;
            }
            Instruction instruction = instructions.get(index - 1);
            if (instruction instanceof Instruction.Login) {
                continue; // the login planner judges its own progress from the page
            }
            Optional<String> problem = problem(r.action(), instruction, history, index, page);
            if (problem.isPresent()) {
                return Optional.of("Instruction " + index + " (\"" + instruction.clause() + "\") was carried out but the page does not confirm it: "
                        + problem.get() + ". The block is not completed.");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> problem(BrowserAction action, Instruction instruction, List<ActionRecord> history, int index,
                                            PageSnapshot page) {
        if (action instanceof BrowserAction.InputText t && t.target().hasId()) {
            return read(page, t.target().elementId(), e -> typed(e, t.text()));
        }
        if (action instanceof BrowserAction.SelectOption s && s.target().hasId()) {
            return read(page, s.target().elementId(), e -> selected(e, s));
        }
        if (action instanceof BrowserAction.Checkbox c && c.target().hasId()) {
            return read(page, c.target().elementId(), e -> e.state().checked() == c.checked() ? null
                    : "\"" + ElementMatcher.displayLabel(e) + "\" is " + (e.state().checked() ? "checked" : "not checked"));
        }
        if (action instanceof BrowserAction.Click c && c.target().hasId()) {
            return clicked(instruction, c.target().elementId(), history, index, page);
        }
        return Optional.empty();
    }

    private static Optional<String> clicked(Instruction instruction, String id, List<ActionRecord> history, int index, PageSnapshot page) {
        Optional<Element> e = element(page, id);
        if (instruction instanceof Instruction.Focus) {
            return e.isPresent() && "true".equals(e.get().attribute("focused")) ? Optional.empty()
                    : Optional.of("the focus is not in " + e.map(x -> "\"" + ElementMatcher.displayLabel(x) + "\"").orElse(id));
        }
        if (instruction instanceof Instruction.Expand x) {
            if (e.isEmpty()) {
                return gone(id);
            }
            return e.get().state().expanded() == x.open() ? Optional.empty()
                    : Optional.of("\"" + ElementMatcher.displayLabel(e.get()) + "\" is still " + (x.open() ? "collapsed" : "expanded"));
        }
        if (instruction instanceof Instruction.PickSuggestion p) {
            Optional<String> field = preparedField(history, index);
            if (field.isEmpty()) {
                return Optional.of("no field was typed into before the suggestion was picked");
            }
            return read(page, field.get(), f -> LabelText.normalize(f.value()).startsWith(LabelText.normalize(p.prefix())) && !f.value().isBlank()
                    ? null : "\"" + ElementMatcher.displayLabel(f) + "\" reads \"" + f.value() + "\"");
        }
        if (e.isPresent() && e.get().role().equals("tab") && !e.get().attribute("aria-selected").isEmpty() && !e.get().state().selected()) {
            return Optional.of("the tab \"" + ElementMatcher.displayLabel(e.get()) + "\" is not selected");
        }
        return Optional.empty();
    }

    /** The field the first part of an autocomplete instruction typed into. */
    private static Optional<String> preparedField(List<ActionRecord> history, int index) {
        for (int i = history.size() - 1; i >= 0; i--) {
            ActionRecord r = history.get(i);
            if (r.action() instanceof BrowserAction.InputText t && t.target().hasId() && r.reasoning() != null
                    && r.reasoning().startsWith("Preparing instruction " + index + " of")) {
                return Optional.of(t.target().elementId());
            }
        }
        return Optional.empty();
    }

    private static String typed(Element e, String text) {
        if (text.contains("{{") || Element.MASKED.equals(e.value())) {
            return null; // a placeholder resolved by the browser, or a masked secret: nothing readable to compare
        }
        String actual = e.value().isEmpty() && !e.text().isEmpty() && !e.tag().equals("input") ? e.text() : e.value();
        if (actual.strip().equals(text.strip()) || actual.replaceAll("\\s+", " ").strip().equals(text.replaceAll("\\s+", " ").strip())) {
            return null;
        }
        return "\"" + ElementMatcher.displayLabel(e) + "\" reads \"" + LabelText.shorten(actual, 80) + "\" where \""
                + LabelText.shorten(text, 80) + "\" was typed";
    }

    private static String selected(Element e, BrowserAction.SelectOption s) {
        if (e.options().isEmpty()) {
            String shown = e.value() + " " + e.text();
            return s.label() != null && LabelText.containsPhrase(shown, s.label()) ? null
                    : "\"" + ElementMatcher.displayLabel(e) + "\" shows \"" + LabelText.shorten(shown.strip(), 60) + "\"";
        }
        List<SelectOption> chosen = e.options().stream().filter(SelectOption::selected).toList();
        for (SelectOption o : chosen) {
            if ((s.label() != null && LabelText.normalize(o.label()).equals(LabelText.normalize(s.label())))
                    || (s.value() != null && o.value().equals(s.value()))) {
                return null;
            }
        }
        return "\"" + ElementMatcher.displayLabel(e) + "\" shows \"" + (chosen.isEmpty() ? "" : chosen.get(0).label())
                + "\" where \"" + s.label() + "\" was chosen";
    }

    /** The problem {@code judge} finds with the element (null for none), or that the element is gone. */
    private static Optional<String> read(PageSnapshot page, String id, java.util.function.Function<Element, String> judge) {
        Optional<Element> e = page.element(id);
        return e.isEmpty() ? gone(id) : Optional.ofNullable(judge.apply(e.get()));
    }

    private static Optional<Element> element(PageSnapshot page, String id) {
        return page.element(id);
    }

    private static Optional<String> gone(String id) {
        return Optional.of("element " + id + " is no longer on the page to read back");
    }
}
