package dev.rover.llm.offline;

import java.util.List;

/**
 * One instruction understood from a goal, kept with the clause it came from so that every
 * decision and every refusal can quote the user's own words.
 */
sealed interface Instruction {

    /** The clause of the goal this instruction was read from. */
    String clause();

    /** A short description for reasoning texts ("click \"Filter\""). */
    String describe();

    /** Click the element the target names. */
    record Click(String clause, TargetSpec target) implements Instruction {
        Click(String clause, List<String> labels) { this(clause, TargetSpec.labels(labels)); }
        List<String> labels() { return target.labels(); }
        public String describe() { return "click " + target.describe(); }
    }

    /** Type {@code value} into the field the target names. */
    record Type(String clause, TargetSpec target, String value) implements Instruction {
        Type(String clause, List<String> labels, String value) { this(clause, TargetSpec.labels(labels), value); }
        List<String> labels() { return target.labels(); }
        public String describe() { return "type \"" + value + "\" into " + target.describe(); }
    }

    /** Give the field the target names the keyboard focus. */
    record Focus(String clause, TargetSpec target) implements Instruction {
        public String describe() { return "focus " + target.describe(); }
    }

    /** Expand ({@code open}) or collapse a section whose toggle the target names. */
    record Expand(String clause, TargetSpec target, boolean open) implements Instruction {
        public String describe() { return (open ? "expand " : "collapse ") + target.describe(); }
    }

    /** Autocomplete: type {@code prefix} into the field, wait for the suggestions and pick one that starts with it. */
    record PickSuggestion(String clause, TargetSpec target, String prefix) implements Instruction {
        public String describe() { return "pick a suggestion starting with \"" + prefix + "\" in " + target.describe(); }
    }

    /** Type several values whose labels are only known once the page is seen ("Fill first name Ann, last name Lee"). */
    record FillFields(String clause, List<String> labelValuePairs) implements Instruction {
        public String describe() { return "fill " + String.join(", ", labelValuePairs); }
    }

    /** Put the local file {@code file} into the file input labelled by one of {@code labels}. */
    record Upload(String clause, List<String> labels, String file) implements Instruction {
        public String describe() { return "upload \"" + file + "\" to " + quoted(labels); }
    }

    /**
     * Read data off the page ("Extract the totals"). Navigation has nothing to do for it: the
     * extraction step that follows reads the page, so it counts as done where it is met.
     */
    record Extract(String clause) implements Instruction {
        public String describe() { return "leave \"" + clause + "\" to the extraction"; }
    }

    /** Choose {@code option} in the select labelled by one of {@code labels}. */
    record Select(String clause, TargetSpec target, String option) implements Instruction {
        Select(String clause, List<String> labels, String option) { this(clause, TargetSpec.labels(labels), option); }
        List<String> labels() { return target.labels(); }
        public String describe() { return "select \"" + option + "\" in " + target.describe(); }
    }

    /** Check or uncheck the checkbox labelled by one of {@code labels}. */
    record Check(String clause, TargetSpec target, boolean checked) implements Instruction {
        Check(String clause, List<String> labels, boolean checked) { this(clause, TargetSpec.labels(labels), checked); }
        List<String> labels() { return target.labels(); }
        public String describe() { return (checked ? "check " : "uncheck ") + target.describe(); }
    }

    /** Press Enter in the last typed field, else on the page. */
    record PressEnter(String clause) implements Instruction {
        public String describe() { return "press Enter"; }
    }

    /** Click the submit control of the form being filled. */
    record Submit(String clause) implements Instruction {
        public String describe() { return "submit the form"; }
    }

    /** Navigate to an explicit URL. */
    record GoTo(String clause, String url) implements Instruction {
        public String describe() { return "go to " + url; }
    }

    /** Reach a named page: done when already there, else click a link with that name. */
    record OpenPage(String clause, List<String> labels) implements Instruction {
        public String describe() { return "open " + quoted(labels); }
    }

    /** Make sure a text is on the page, following a link with that text when it is not. */
    record Find(String clause, String text) implements Instruction {
        public String describe() { return "find \"" + text + "\""; }
    }

    /** Scroll the page up or down. */
    record Scroll(String clause, String direction) implements Instruction {
        public String describe() { return "scroll " + direction; }
    }

    /** Wait a number of seconds. */
    record Wait(String clause, double seconds) implements Instruction {
        public String describe() { return "wait " + seconds + " s"; }
    }

    /** Accept a cookie banner when one is shown; nothing otherwise. */
    record AcceptCookies(String clause) implements Instruction {
        public String describe() { return "accept cookie consent when asked"; }
    }

    /** Log in with the credential in the user details. */
    record Login(String clause) implements Instruction {
        public String describe() { return "log in with the provided credentials"; }
    }

    private static String quoted(List<String> labels) {
        return "\"" + String.join("\" or \"", labels) + "\"";
    }
}
