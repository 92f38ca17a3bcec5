package dev.rover.llm.offline;

import dev.rover.core.page.BrowserAction;
import dev.rover.core.engine.ActionRecord;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Progress read from a history whose reasonings do not carry the offline engine's instruction tags
 * (a history written by another engine, or by a caller that dropped the reasoning): successful
 * actions are matched, in order, to the instructions they perform.
 */
final class UntaggedProgress {

    private UntaggedProgress() {
    }

    /** The 1-based numbers of the instructions the history's successful actions performed. */
    static Set<Integer> done(List<ActionRecord> history, List<Instruction> instructions) {
        Set<Integer> done = new HashSet<>();
        int next = 0;
        for (ActionRecord r : history) {
            if (r.action() == null || (r.result() != null && !r.result().success())) {
                continue;
            }
            for (int i = next; i < instructions.size(); i++) {
                if (performs(r.action(), instructions.get(i))) {
                    done.add(i + 1);
                    next = i + 1;
                    break;
                }
            }
        }
        return done;
    }

    private static boolean performs(BrowserAction action, Instruction instruction) {
        if (instruction instanceof Instruction.Type t) {
            return (action instanceof BrowserAction.InputText in && in.text().equals(t.value()))
                    || (action instanceof BrowserAction.SelectOption s && (t.value().equalsIgnoreCase(s.label()) || t.value().equalsIgnoreCase(s.value())));
        }
        if (instruction instanceof Instruction.FillFields f) {
            return action instanceof BrowserAction.InputText in
                    && f.labelValuePairs().stream().anyMatch(p -> p.endsWith(" " + in.text()));
        }
        if (instruction instanceof Instruction.Select s) {
            return action instanceof BrowserAction.SelectOption o
                    && (s.option().equalsIgnoreCase(o.label()) || s.option().equalsIgnoreCase(o.value()));
        }
        if (instruction instanceof Instruction.Check c) {
            return action instanceof BrowserAction.Checkbox cb && cb.checked() == c.checked();
        }
        if (instruction instanceof Instruction.Upload u) {
            return action instanceof BrowserAction.UploadFile f && u.file().equals(f.file());
        }
        if (instruction instanceof Instruction.PressEnter) {
            return action instanceof BrowserAction.Keypress k && k.keys().stream().anyMatch(x -> x.equalsIgnoreCase("Enter"));
        }
        if (instruction instanceof Instruction.GoTo g) {
            return action instanceof BrowserAction.GotoUrl u && u.url().contains(g.url().replaceFirst("^[a-zA-Z]+://", ""));
        }
        if (instruction instanceof Instruction.Scroll s) {
            return action instanceof BrowserAction.Scroll sc && s.direction().equalsIgnoreCase(sc.direction());
        }
        if (instruction instanceof Instruction.Wait) {
            return action instanceof BrowserAction.Wait;
        }
        if (instruction instanceof Instruction.Click || instruction instanceof Instruction.OpenPage
                || instruction instanceof Instruction.Submit || instruction instanceof Instruction.Find) {
            return action instanceof BrowserAction.Click;
        }
        return false;
    }
}
