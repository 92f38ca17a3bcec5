package dev.rover.llm.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a goal into clauses (lines, sentences, ";", "then") and sorts each into an instruction,
 * a completion or termination criterion, or a clause the offline engine does not understand.
 */
final class GoalParser {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern CRITERION = Pattern.compile("^(complete|terminate)\\b[\\s:,-]*(?:(when|if|once|after|as soon as)\\s+)?(.*)$", FLAGS);
    private static final Pattern CONDITIONAL = Pattern.compile("^(?:if|when|once|in case|whenever)\\b(.*)$", FLAGS);
    private static final Pattern TERMINATE_WORD = Pattern.compile("\\b(?:terminate|stop|give up|abort|fail)\\b", FLAGS);
    private static final Pattern COMPLETE_WORD = Pattern.compile("\\b(?:complete|completed|success|successful|succeeded|done|achieved|finished)\\b", FLAGS);
    private static final Pattern CONSIDER_DONE = Pattern.compile("^(?:consider|mark)\\s+the\\s+(?:goal|task)\\b.*\\b(?:complete|completed|achieved|done)$", FLAGS);
    private static final Pattern CONDITION_BODY = Pattern.compile("^(?:if|when|once|in case|whenever)\\s+(.*?)\\s*,\\s*(?:then\\s+)?(?:you\\s+)?(?:should\\s+)?(?:terminate|stop|give up|abort|consider|mark|the goal|you(?:'re| are)|it(?:'s| is)|complete).*$", FLAGS);

    private GoalParser() {
    }

    /** Reads a goal; a null or blank goal gives an empty result. */
    static ParsedGoal parse(String goal) {
        List<Instruction> instructions = new ArrayList<>();
        List<String> complete = new ArrayList<>();
        List<String> terminate = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        if (goal == null || goal.isBlank()) {
            return new ParsedGoal(instructions, complete, terminate, unknown);
        }
        for (String sentence : sentences(LabelText.straightQuotes(goal))) {
            Matcher criterion = CRITERION.matcher(sentence);
            boolean shouted = criterion.matches() && criterion.group(1).equals(criterion.group(1).toUpperCase(java.util.Locale.ROOT));
            if (criterion.matches() && (shouted || criterion.group(2) != null)) {
                (criterion.group(1).equalsIgnoreCase("complete") ? complete : terminate).add(trimEnd(criterion.group(3)));
                continue;
            }
            if (CONDITIONAL.matcher(sentence).matches()) {
                classify(trimEnd(sentence), instructions, complete, terminate, unknown);
                continue;
            }
            for (String clause : ClauseSplitter.clauses(sentence)) {
                classify(trimEnd(clause), instructions, complete, terminate, unknown);
            }
        }
        return new ParsedGoal(dedupeLogin(Pronouns.resolve(instructions)), complete, terminate, unknown);
    }

    private static void classify(String clause, List<Instruction> instructions, List<String> complete,
                                 List<String> terminate, List<String> unknown) {
        if (clause.isBlank()) {
            return;
        }
        Matcher conditional = CONDITIONAL.matcher(clause);
        if (conditional.matches() && TERMINATE_WORD.matcher(clause).find()) {
            terminate.add(condition(clause));
            return;
        }
        if ((conditional.matches() && COMPLETE_WORD.matcher(clause).find()) || CONSIDER_DONE.matcher(clause).matches()) {
            complete.add(condition(clause));
            return;
        }
        List<Instruction> matched = InstructionForms.match(clause);
        if (matched.isEmpty()) {
            unknown.add(clause);
        } else {
            instructions.addAll(matched);
        }
    }

    /** The condition part of "If X, terminate", or the whole clause. */
    private static String condition(String clause) {
        Matcher m = CONDITION_BODY.matcher(clause);
        return m.matches() ? m.group(1) : clause;
    }

    /** Lines, then sentences and ";"-separated parts, never splitting inside double quotes. */
    static List<String> sentences(String goal) {
        List<String> out = new ArrayList<>();
        for (String line : goal.split("\\R")) {
            StringBuilder current = new StringBuilder();
            boolean inQuotes = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                current.append(c);
                if (c == '"') {
                    inQuotes = !inQuotes;
                }
                boolean atEnd = i + 1 >= line.length() || Character.isWhitespace(line.charAt(i + 1));
                if (!inQuotes && (c == ';' || ((c == '.' || c == '!' || c == '?') && atEnd && !abbreviation(current)))) {
                    add(out, current.toString());
                    current.setLength(0);
                }
            }
            add(out, current.toString());
        }
        return out;
    }

    private static boolean abbreviation(CharSequence text) {
        String t = text.toString().toLowerCase(java.util.Locale.ROOT);
        if (t.strip().matches("\\d{1,2}\\.")) {
            return true; // a list number ("1. Click Save") starts a clause, it does not end one
        }
        return t.endsWith(" e.g.") || t.endsWith(" i.e.") || t.endsWith(" no.") || t.endsWith(" mr.")
                || t.endsWith(" ms.") || t.endsWith(" dr.") || t.endsWith(" vs.");
    }

    private static void add(List<String> out, String sentence) {
        String s = trimEnd(sentence);
        if (!s.isBlank()) {
            out.add(s);
        }
    }

    private static String trimEnd(String text) {
        return text.strip().replaceAll("[\\s.;:!?,]+$", "").strip();
    }

    private static List<Instruction> dedupeLogin(List<Instruction> instructions) {
        List<Instruction> out = new ArrayList<>();
        boolean login = false;
        for (Instruction i : instructions) {
            if (i instanceof Instruction.Login) {
                if (login) {
                    continue;
                }
                login = true;
            }
            out.add(i);
        }
        return out;
    }
}
