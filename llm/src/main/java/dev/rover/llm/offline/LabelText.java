package dev.rover.llm.offline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalises labels so that "Order_ID", "order-id" and "orderId" compare equal, and scores how well
 * a wanted label matches a text found on the page (exact beats starts-with beats contains beats token overlap).
 */
final class LabelText {

    /** Score of an exact match; every other kind of match scores lower. */
    static final double EXACT = 100;
    static final double STARTS_WITH = 85;
    static final double CONTAINS = 70;
    /** Minimum Dice coefficient of the token sets for a token-overlap match. */
    static final double MIN_OVERLAP = 0.6;

    private static final Pattern CAMEL = Pattern.compile("([\\p{Ll}\\p{N}])(\\p{Lu})");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private LabelText() {
    }

    /** Lower-case words separated by single spaces; camelCase, underscores, dashes and punctuation split words. */
    static String normalize(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String split = CAMEL.matcher(straightQuotes(text)).replaceAll("$1 $2");
        return NON_WORD.matcher(split.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** Replaces typographic quotes with straight ones. */
    static String straightQuotes(String text) {
        return text.replace('\u201C', '"').replace('\u201D', '"').replace('\u201E', '"').replace('\u00AB', '"')
                .replace('\u00BB', '"').replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201A', '\'');
    }

    /** The distinct words of a text after normalisation. */
    static Set<String> tokens(String text) {
        String normalized = normalize(text);
        Set<String> tokens = new LinkedHashSet<>();
        if (!normalized.isEmpty()) {
            for (String t : normalized.split(" ")) {
                tokens.add(t);
            }
        }
        return tokens;
    }

    /** Dice coefficient of the two token sets: 1 for the same words, 0 for none in common. */
    static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long common = a.stream().filter(b::contains).count();
        return 2.0 * common / (a.size() + b.size());
    }

    /**
     * How well a candidate text matches a wanted label, both already normalised: 0 for no match,
     * {@link #EXACT} for the same words; prefix and phrase matches only count at word boundaries.
     */
    static double score(String wanted, String candidate) {
        if (wanted.isEmpty() || candidate.isEmpty()) {
            return 0;
        }
        if (wanted.equals(candidate)) {
            return EXACT;
        }
        if (candidate.startsWith(wanted + " ")) {
            return STARTS_WITH;
        }
        if ((" " + candidate + " ").contains(" " + wanted + " ")) {
            return CONTAINS;
        }
        double dice = overlap(tokensOfNormalized(wanted), tokensOfNormalized(candidate));
        return dice >= MIN_OVERLAP ? 40 + 20 * dice : 0;
    }

    /**
     * {@link #score} for naming an element: a token-overlap match counts only when every word asked
     * for is there ("4 guests" does not name "Guests", though they share a word).
     */
    static double elementScore(String wanted, String candidate) {
        double s = score(wanted, candidate);
        if (s > 0 && s < CONTAINS && !tokensOfNormalized(candidate).containsAll(tokensOfNormalized(wanted))) {
            return 0;
        }
        return s;
    }

    /** True when every word of {@code wanted} occurs in {@code text} (both raw). */
    static boolean containsAllWords(String text, String wanted) {
        Set<String> want = tokens(wanted);
        Set<String> have = tokens(text);
        return !want.isEmpty() && have.containsAll(want);
    }

    /** True when {@code text} contains {@code phrase} as whole words, ignoring case and punctuation. */
    static boolean containsPhrase(String text, String phrase) {
        String p = normalize(phrase);
        return !p.isEmpty() && (" " + normalize(text) + " ").contains(" " + p + " ");
    }

    private static Set<String> tokensOfNormalized(String normalized) {
        return new LinkedHashSet<>(List.of(normalized.split(" ")));
    }

    /** Shortens a text for messages. */
    static String shorten(String text, int max) {
        String t = text == null ? "" : text.strip();
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }

    /** Splits "A or B" alternatives ("Order History or My Orders"). */
    static List<String> alternatives(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split("(?i)\\s+or\\s+|\\s*/\\s*")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out.isEmpty() ? List.of(text.strip()) : out;
    }
}
