package dev.rover.llm.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the words that name a target ("the button in the dialog labeled OK", "the 3rd input",
 * "both fields", "the Country dropdown") into a {@link TargetSpec}, keeping quoted labels whole.
 */
final class TargetPhrase {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern LEADING = Pattern.compile("^(?:(?:the|a|an|my|your|this|that|only|single|sole)\\s+)+", FLAGS);
    private static final Pattern ALL = Pattern.compile("^(?:both|all|each|every)\\s+(?:of\\s+)?(?:the\\s+)?", FLAGS);
    private static final Pattern NAMED = Pattern.compile("\\s*\\b(?:labell?ed|named|called|titled|saying|marked|that says|with the (?:label|text))\\s+(.+)$", FLAGS);
    private static final Pattern CONTAINER = Pattern.compile(
            "\\s+(?:in|inside|within|on|of|under)\\s+(?:the\\s+)?(.+?)\\s*(dialog|modal|popup|pop-up|overlay|section|form|panel|card|group|area|fieldset|box)$", FLAGS);
    private static final Pattern ORDINAL = Pattern.compile(
            "^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|(\\d{1,2})(?:st|nd|rd|th))\\s+", FLAGS);
    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth");
    private static final Pattern OR = Pattern.compile("\\s+or\\s+", FLAGS);
    private static final Pattern DESCRIBED = Pattern.compile("^([^§]+?)\\s+(§\\d+§)$", FLAGS);

    private TargetPhrase() {
    }

    /** Reads the target named by a (masked) phrase. */
    static TargetSpec parse(MaskedClause mc, String group) {
        String g = group.strip();
        boolean all = false;
        g = LEADING.matcher(g).replaceFirst("");
        Matcher m = ALL.matcher(g);
        if (m.find()) {
            all = true;
            g = g.substring(m.end());
        }
        g = LEADING.matcher(g).replaceFirst("");
        List<String> named = List.of();
        if ((m = NAMED.matcher(g)).find()) {
            named = alternatives(mc, m.group(1));
            g = g.substring(0, m.start()).strip();
        }
        String container = "";
        if ((m = CONTAINER.matcher(g)).find()) {
            String word = m.group(2).toLowerCase(Locale.ROOT);
            String name = LEADING.matcher(m.group(1).strip()).replaceFirst("");
            boolean dialog = List.of("dialog", "modal", "popup", "pop-up", "overlay").contains(word);
            container = dialog ? TargetSpec.DIALOG : mc.restore(name);
            if (!container.isEmpty() || dialog) {
                g = g.substring(0, m.start()).strip();
            }
        }
        int ordinal = 0;
        if ((m = ORDINAL.matcher(g)).find()) {
            String word = m.group(1).toLowerCase(Locale.ROOT);
            ordinal = word.equals("last") ? -1 : m.group(2) != null ? Integer.parseInt(m.group(2)) : ORDINALS.indexOf(word) + 1;
            g = g.substring(m.end()).strip();
        }
        Role role = Role.ANY;
        Matcher described = DESCRIBED.matcher(g);
        if (described.matches() && named.isEmpty()) {
            // "the question \"Can I change my plan?\"", "the button 'OK'": the quoted words are the label
            role = Role.of(described.group(1)).orElse(Role.ANY);
            g = described.group(2);
        }
        if (!mc.isQuoted(g)) {
            String[] words = g.split("\\s+");
            int n = Role.trailing(words);
            if (n > 0) {
                String roleWords = String.join(" ", java.util.Arrays.copyOfRange(words, words.length - n, words.length));
                role = Role.of(roleWords).orElse(Role.ANY);
                if (roleWords.toLowerCase(Locale.ROOT).endsWith("s") && !roleWords.equalsIgnoreCase("cross")
                        && Role.of(roleWords.replaceFirst("(?i)e?s$", "")).isPresent() && words.length == n) {
                    all = all || ordinal == 0;
                }
                int keep = words.length - n;
                // "the date", "the Start date field", "the password box": the role's own word still names the field
                if (role == Role.DATE || role == Role.PASSWORD || (n == 2 && role == Role.CLOSE)) {
                    keep++;
                }
                g = String.join(" ", java.util.Arrays.copyOfRange(words, 0, keep));
            }
        }
        List<String> labels = new ArrayList<>(named);
        if (labels.isEmpty() && !g.isBlank()) {
            labels.addAll(alternatives(mc, g));
        }
        return new TargetSpec(labels, role, ordinal, all, container);
    }

    /** Only the labels of a phrase ("Order History or My Orders"), for page names. */
    static List<String> labels(MaskedClause mc, String group) {
        TargetSpec t = parse(mc, group);
        return t.labels().isEmpty() ? List.of(mc.restore(group).strip()) : t.labels();
    }

    /** True when the phrase names a role and nothing else ("the fields", "the text box"). */
    static boolean roleOnly(TargetSpec t) {
        return t.labels().isEmpty();
    }

    private static List<String> alternatives(MaskedClause mc, String text) {
        String t = text.strip();
        if (mc.isQuoted(t)) {
            return List.of(mc.restore(t));
        }
        List<String> out = new ArrayList<>();
        for (String alt : OR.split(t)) {
            String restored = mc.restore(alt.strip().replaceFirst("(?i)^(?:the|a|an)\\s+", "")).strip();
            if (!restored.isEmpty()) {
                out.add(restored);
            }
        }
        return out;
    }
}
