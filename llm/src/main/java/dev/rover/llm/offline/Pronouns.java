package dev.rover.llm.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * "Clear the Name field and type \"Bo\" into it": a target named "it" (or "that field", "the same
 * field") is the target of the instruction before it.
 */
final class Pronouns {

    private static final Set<String> WORDS = Set.of("it", "that", "that field", "same field", "the same field", "this field", "there");

    private Pronouns() {
    }

    /** The instructions with pronoun targets replaced by the previous instruction's target. */
    static List<Instruction> resolve(List<Instruction> instructions) {
        List<Instruction> out = new ArrayList<>();
        TargetSpec previous = null;
        for (Instruction i : instructions) {
            TargetSpec target = targetOf(i);
            if (target != null && previous != null && isPronoun(target)) {
                i = withTarget(i, previous);
                target = previous;
            }
            out.add(i);
            if (target != null && !isPronoun(target)) {
                previous = target;
            }
        }
        return out;
    }

    private static boolean isPronoun(TargetSpec t) {
        return t.labels().size() == 1 && WORDS.contains(LabelText.normalize(t.labels().get(0)));
    }

    private static TargetSpec targetOf(Instruction i) {
        if (i instanceof Instruction.Type t) {
            return t.target();
        }
        if (i instanceof Instruction.Click c) {
            return c.target();
        }
        if (i instanceof Instruction.Focus f) {
            return f.target();
        }
        if (i instanceof Instruction.Select s) {
            return s.target();
        }
        if (i instanceof Instruction.Check c) {
            return c.target();
        }
        return null;
    }

    private static Instruction withTarget(Instruction i, TargetSpec t) {
        if (i instanceof Instruction.Type x) {
            return new Instruction.Type(x.clause(), t, x.value());
        }
        if (i instanceof Instruction.Click x) {
            return new Instruction.Click(x.clause(), t);
        }
        if (i instanceof Instruction.Focus x) {
            return new Instruction.Focus(x.clause(), t);
        }
        if (i instanceof Instruction.Select x) {
            return new Instruction.Select(x.clause(), t, x.option());
        }
        if (i instanceof Instruction.Check x) {
            return new Instruction.Check(x.clause(), t, x.checked());
        }
        return i;
    }
}
