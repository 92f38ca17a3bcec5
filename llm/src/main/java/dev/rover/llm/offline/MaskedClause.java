package dev.rover.llm.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A clause whose quoted parts are replaced by tokens ({@code §0§}), so that instruction patterns
 * cannot split a quoted value on a keyword inside it ("type \"in stock\" into Notes").
 */
record MaskedClause(String original, String masked, List<String> quoted) {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"|(?<![\\p{L}\\p{N}])'([^']*)'(?![\\p{L}\\p{N}])");
    private static final Pattern TOKEN = Pattern.compile("§(\\d{1,6})§");

    MaskedClause {
        quoted = List.copyOf(quoted);
    }

    /** Masks the quoted parts of a clause (typographic quotes count as quotes). */
    static MaskedClause of(String clause) {
        String straight = LabelText.straightQuotes(clause);
        Matcher m = QUOTED.matcher(straight);
        List<String> parts = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            parts.add(m.group(1) != null ? m.group(1) : m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement("§" + (parts.size() - 1) + "§"));
        }
        m.appendTail(out);
        return new MaskedClause(clause, out.toString(), parts);
    }

    /** The text of a matched group with quoted parts restored (without their quotes). */
    String restore(String group) {
        if (group == null) {
            return "";
        }
        Matcher m = TOKEN.matcher(group.strip());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(part(m.group(0), m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The text of a matched group with quoted parts restored in double quotes. */
    String restoreWithQuotes(String group) {
        Matcher m = TOKEN.matcher(group);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("\"" + part(m.group(0), m.group(1)) + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The quoted part a token stands for; a token-like text the user wrote stays as it was. */
    private String part(String token, String index) {
        int i = Integer.parseInt(index);
        return i < quoted.size() ? quoted.get(i) : token;
    }

    /** True when the group is exactly one quoted part. */
    boolean isQuoted(String group) {
        return group != null && group.strip().matches("§\\d+§");
    }
}
