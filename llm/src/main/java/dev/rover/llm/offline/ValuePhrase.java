package dev.rover.llm.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the values of an instruction: lists of "label with value" pairs whose unquoted values run
 * up to the next pair, "label \"value\"" lists, and text transforms ("in capitals", "lower-case").
 * Works on masked text, so a separator inside quotes never splits a value.
 */
final class ValuePhrase {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern SEPARATOR = Pattern.compile("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+", FLAGS);
    private static final Pattern TOKEN = Pattern.compile("§\\d+§");
    private static final Pattern NAMED_VALUE = Pattern.compile("^(?:the\\s+)?(.+?)\\s+(§\\d+§)$", FLAGS);
    private static final Pattern VALUE_AS = Pattern.compile("^(§\\d+§)\\s+(?:as|for)\\s+(.+)$", FLAGS);
    private static final Pattern UPPER = Pattern.compile(
            "\\s*,?\\s*\\b(?:in\\s+(?:all\\s+)?(?:upper\\s*-?\\s*case|uppercase|capitals|capital\\s+letters|caps|block\\s+(?:capitals|letters))|(?:all\\s+)?upper-?case|all\\s+caps)\\b", FLAGS);
    private static final Pattern LOWER = Pattern.compile(
            "\\s*,?\\s*\\b(?:in\\s+(?:all\\s+)?(?:lower\\s*-?\\s*case|lowercase|small\\s+letters)|(?:all\\s+)?lower-?case)\\b", FLAGS);
    private static final Pattern TITLE = Pattern.compile("\\s*,?\\s*\\bin\\s+title\\s*-?\\s*case\\b", FLAGS);

    private ValuePhrase() {
    }

    /** A "target kw value" pair, both parts still masked. */
    record Pair(String target, String value) {
    }

    /** A change of letter case asked for the typed text. */
    enum Transform {
        NONE, UPPER, LOWER, TITLE;

        String apply(String value) {
            return switch (this) {
                case NONE -> value;
                case UPPER -> value.toUpperCase(Locale.ROOT);
                case LOWER -> value.toLowerCase(Locale.ROOT);
                case TITLE -> title(value);
            };
        }

        private static String title(String value) {
            StringBuilder out = new StringBuilder(value.length());
            boolean start = true;
            for (char c : value.toCharArray()) {
                out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
                start = Character.isWhitespace(c) || c == '-';
            }
            return out.toString();
        }
    }

    /** The transform a (masked) clause asks for. */
    static Transform transformIn(String masked) {
        if (UPPER.matcher(masked).find()) {
            return Transform.UPPER;
        }
        if (LOWER.matcher(masked).find()) {
            return Transform.LOWER;
        }
        return TITLE.matcher(masked).find() ? Transform.TITLE : Transform.NONE;
    }

    /** The clause without its transform words. */
    static String withoutTransform(String masked) {
        return TITLE.matcher(LOWER.matcher(UPPER.matcher(masked).replaceAll("")).replaceAll("")).replaceAll("");
    }

    /**
     * "A kw v1 and B kw v2, C kw v3": the pairs, where a part without {@code kw} belongs to the value
     * before it ("Notes with salt and pepper" is one value). Empty when the first part has no {@code kw}.
     */
    static List<Pair> pairs(MaskedClause mc, String body, String keyword) {
        Pattern pair = Pattern.compile("^(.+?)\\s+" + keyword + "\\s+(.+)$", FLAGS);
        List<Pair> out = new ArrayList<>();
        Matcher sep = SEPARATOR.matcher(body);
        int start = 0;
        List<String> parts = new ArrayList<>();
        List<String> seps = new ArrayList<>();
        while (sep.find()) {
            parts.add(body.substring(start, sep.start()));
            seps.add(sep.group());
            start = sep.end();
        }
        parts.add(body.substring(start));
        for (int i = 0; i < parts.size(); i++) {
            Matcher m = pair.matcher(parts.get(i).strip());
            if (m.matches()) {
                out.add(new Pair(m.group(1), m.group(2)));
            } else if (out.isEmpty()) {
                return List.of();
            } else {
                Pair last = out.remove(out.size() - 1);
                out.add(new Pair(last.target(), last.value() + seps.get(i - 1) + parts.get(i)));
            }
        }
        return out;
    }

    private static final Pattern VALUE_FIRST = Pattern.compile("^(.+?)\\s+(?:into|in|as|for)\\s+(.+)$", FLAGS);
    private static final Pattern DESCRIBED = Pattern.compile("^(?:the|a|an|my|your)\\s+[^§]*?(§\\d+§)$", FLAGS);
    private static final Pattern CONTAINER_TAIL = Pattern.compile(
            "^(.+?)\\s+((?:in|inside|within)\\s+(?:the\\s+)?\\S.*?\\s+(?:section|form|dialog|panel|group|fieldset))$", FLAGS);

    /** "V1 into A and V2 into B": value-first pairs when every part has its own target (at least two), else empty. */
    static List<Pair> valueFirstPairs(String masked) {
        List<Pair> out = new ArrayList<>();
        for (String part : SEPARATOR.split(masked.strip())) {
            Matcher m = VALUE_FIRST.matcher(part.strip());
            if (!m.matches()) {
                return List.of();
            }
            out.add(new Pair(m.group(2), m.group(1)));
        }
        return out.size() >= 2 ? out : List.of();
    }

    /** "the email address \"sam@x.io\"": a quoted value described by words before it is the quoted part alone. */
    static String value(String masked) {
        Matcher m = DESCRIBED.matcher(masked.strip());
        return m.matches() ? m.group(1) : masked;
    }

    /** "Street with Elm Rd 4 in the billing section": the section belongs to the target, not to the unquoted value. */
    static Pair containerFromValue(Pair pair) {
        Matcher m = CONTAINER_TAIL.matcher(pair.value().strip());
        return m.matches() ? new Pair(pair.target() + " " + m.group(2), m.group(1)) : pair;
    }

    /** "first name Ann, last name Lee": the "label value" parts restored; empty when a part cannot hold both. */
    static List<String> labelValueList(MaskedClause mc, String body) {
        List<String> out = new ArrayList<>();
        for (String part : SEPARATOR.split(body)) {
            String restored = mc.restore(part).strip();
            if (restored.isEmpty()) {
                continue;
            }
            if (part.strip().split("\\s+").length < 2) {
                return List.of();
            }
            out.add(restored);
        }
        return out;
    }

    /** "the user name \"ana\" and the password \"x9\"": each part a label then a quoted value (or "\"ana\" as user name"). */
    static List<Pair> namedQuotedValues(String masked) {
        List<Pair> out = new ArrayList<>();
        for (String part : SEPARATOR.split(masked.strip())) {
            Matcher m = NAMED_VALUE.matcher(part.strip());
            Matcher as = VALUE_AS.matcher(part.strip());
            if (as.matches()) {
                out.add(new Pair(as.group(2), as.group(1)));
            } else if (m.matches() && !TOKEN.matcher(m.group(1)).find()) {
                out.add(new Pair(m.group(1), m.group(2)));
            } else {
                return List.of();
            }
        }
        return out;
    }

    /** "\"a\", \"b\" and \"c\"": the quoted tokens when the text is nothing but them. */
    static List<String> quotedList(String masked) {
        List<String> out = new ArrayList<>();
        for (String part : SEPARATOR.split(masked.strip())) {
            if (!TOKEN.matcher(part.strip()).matches()) {
                return List.of();
            }
            out.add(part.strip());
        }
        return out;
    }
}
