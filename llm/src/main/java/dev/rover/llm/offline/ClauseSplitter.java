package dev.rover.llm.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits one sentence into clauses the way a person reads it: always on "then", and on commas and
 * "and" when what follows starts a new instruction ("..., tick the newsletter box and click
 * Submit"). Quoted text is never split, and an unquoted value runs up to the next boundary
 * ("with name John Smith and email john@example.com" stays whole: "email" is not a verb).
 */
final class ClauseSplitter {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern THEN = Pattern.compile("\\s*,?\\s+(?:and\\s+)?then\\s*,?\\s+|\\s*,\\s*then\\s+", FLAGS);
    private static final Pattern BOUNDARY = Pattern.compile("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+", FLAGS);
    private static final Pattern CONNECTOR = Pattern.compile(
            "^(?:(?:\\d{1,2}[.)]|[-*\u2022])\\s+)?(?:(?:first|firstly|then|next|finally|lastly|also|afterwards|after that|now)\\s*,?\\s+)?(?:please\\s+)?(?:(?:could|can|would)\\s+you\\s+(?:please\\s+)?)?", FLAGS);
    private static final Set<String> VERBS = Set.of("click", "press", "tap", "hit", "type", "enter", "input", "put", "write", "fill",
            "set", "change", "select", "choose", "pick", "check", "tick", "uncheck", "untick", "mark", "unmark", "go", "navigate",
            "browse", "head", "open", "visit", "load", "submit", "scroll", "wait", "focus", "expand", "collapse", "unfold", "fold",
            "close", "dismiss", "hide", "show", "reveal", "upload", "attach", "search", "log", "sign", "find", "locate", "look", "clear",
            "empty", "erase", "make", "ensure", "switch", "accept", "handle", "enable", "disable", "turn", "extract", "get", "read",
            "collect", "scrape", "retrieve", "capture", "insert", "key", "give", "place", "move", "please", "then", "also", "finally",
            "send", "save", "toggle", "apply", "confirm", "subscribe", "add", "continue", "book", "use", "complete", "cancel");

    private ClauseSplitter() {
    }

    /** The clauses of a sentence, connectors ("then", "please") removed, quotes kept. */
    static List<String> clauses(String sentence) {
        MaskedClause masked = MaskedClause.of(sentence);
        List<String> out = new ArrayList<>();
        for (String part : THEN.split(masked.masked())) {
            splitOnBoundaries(masked, part, out);
        }
        return out;
    }

    /** Strips list markers, "then", "please" and "could you" from the start of a clause. */
    static String withoutConnector(String clause) {
        return CONNECTOR.matcher(clause.strip()).replaceFirst("").strip();
    }

    private static void splitOnBoundaries(MaskedClause masked, String part, List<String> out) {
        Matcher b = BOUNDARY.matcher(part);
        List<String> pieces = new ArrayList<>();
        List<String> seps = new ArrayList<>();
        int start = 0;
        while (b.find()) {
            if (startsWithVerb(part.substring(b.end()))) {
                pieces.add(part.substring(start, b.start()));
                seps.add(b.group());
                start = b.end();
            }
        }
        pieces.add(part.substring(start));
        String current = pieces.get(0);
        for (int i = 1; i < pieces.size(); i++) {
            String next = pieces.get(i);
            if (parses(masked, current) && parses(masked, next)) {
                add(masked, current, out);
                current = next;
            } else {
                // "Click Save and Close": a split that leaves a part no form reads was not a boundary
                current = current + seps.get(i - 1) + next;
            }
        }
        add(masked, current, out);
    }

    /** True when the text starts with a word that starts an instruction. */
    static boolean startsWithVerb(String rest) {
        String word = rest.strip().split("[\\s,]+", 2)[0].toLowerCase(Locale.ROOT);
        return VERBS.contains(word);
    }

    private static boolean parses(MaskedClause masked, String piece) {
        return !InstructionForms.match(withoutConnector(masked.restoreWithQuotes(piece))).isEmpty();
    }

    private static void add(MaskedClause masked, String piece, List<String> out) {
        String clause = withoutConnector(masked.restoreWithQuotes(piece));
        if (!clause.isBlank()) {
            out.add(clause);
        }
    }
}
