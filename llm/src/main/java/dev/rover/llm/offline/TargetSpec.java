package dev.rover.llm.offline;

import java.util.List;

/**
 * Which element an instruction means, as the person wrote it: labels (a label, placeholder or
 * visible text), a role word ("the text box"), an ordinal ("the 3rd input", 1-based, -1 for the
 * last), "both/all", and a container ("in the dialog", "in the Billing section").
 *
 * @param labels    label alternatives; empty when only a role names the element
 * @param role      the role word's role, {@link Role#ANY} when none was given
 * @param ordinal   0 for none, n for the n-th, -1 for the last
 * @param all       every element that matches ("both fields", "all checkboxes")
 * @param container "dialog" for a dialog, else a section/form label the element's context must hold; empty for none
 */
record TargetSpec(List<String> labels, Role role, int ordinal, boolean all, String container) {

    /** The container value that stands for "any dialog". */
    static final String DIALOG = "dialog";

    TargetSpec {
        labels = List.copyOf(labels);
        role = role == null ? Role.ANY : role;
        container = container == null ? "" : container;
    }

    /** A target named only by labels. */
    static TargetSpec labels(List<String> labels) {
        return new TargetSpec(labels, Role.ANY, 0, false, "");
    }

    /** This target with another role, when the phrase gave none. */
    TargetSpec orRole(Role fallback) {
        return role == Role.ANY ? new TargetSpec(labels, fallback, ordinal, all, container) : this;
    }

    /** This target narrowed to the n-th element. */
    TargetSpec nth(int n) {
        return new TargetSpec(labels, role, n, false, container);
    }

    /** How a message names this target. */
    String describe() {
        StringBuilder out = new StringBuilder();
        if (all) {
            out.append("all ");
        } else if (ordinal != 0) {
            out.append(ordinal == -1 ? "the last " : "the " + ordinalWord(ordinal) + " ");
        }
        if (!labels.isEmpty()) {
            out.append("\"").append(String.join("\" or \"", labels)).append("\"");
        }
        if (role != Role.ANY) {
            out.append(labels.isEmpty() ? "" : " ").append(role.noun());
        } else if (labels.isEmpty()) {
            out.append("element");
        }
        if (!container.isEmpty()) {
            out.append(container.equals(DIALOG) ? " in the dialog" : " in \"" + container + "\"");
        }
        return out.toString().strip();
    }

    private static String ordinalWord(int n) {
        return switch (n % 100) {
            case 11, 12, 13 -> n + "th";
            default -> n + switch (n % 10) { case 1 -> "st"; case 2 -> "nd"; case 3 -> "rd"; default -> "th"; };
        };
    }
}
