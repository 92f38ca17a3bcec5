package dev.rover.llm.offline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks the user's error codes ({@code error_code_mapping}) that describe a failure, by the words the
 * failure message shares with each code's description and name (synonyms such as incorrect/invalid count as one).
 */
final class ErrorCodes {

    private static final Set<String> STOP = Set.of("a", "an", "the", "and", "or", "if", "you", "your", "this", "that", "to", "of",
            "in", "on", "for", "with", "is", "are", "was", "were", "be", "been", "has", "have", "it", "its", "can", "t", "not",
            "return", "error", "terminate", "page", "website", "after", "several", "tries", "when", "happens", "please", "try",
            "again", "we", "our", "could", "there");
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("incorrect", "invalid"), Map.entry("wrong", "invalid"), Map.entry("bad", "invalid"),
            Map.entry("failed", "invalid"), Map.entry("fail", "invalid"), Map.entry("unsuccessful", "invalid"),
            Map.entry("unrecognized", "invalid"), Map.entry("unknown", "invalid"),
            Map.entry("suspended", "locked"), Map.entry("blocked", "locked"), Map.entry("disabled", "locked"),
            Map.entry("deactivated", "locked"), Map.entry("banned", "locked"), Map.entry("lock", "locked"),
            Map.entry("credential", "credentials"), Map.entry("log", "login"), Map.entry("logging", "login"),
            Map.entry("signin", "login"), Map.entry("sign", "login"), Map.entry("passwords", "password"),
            Map.entry("e", "email"), Map.entry("mail", "email"));

    private ErrorCodes() {
    }

    /** The codes whose description best matches the message; empty when none shares a word with it. */
    static List<String> matching(Map<String, String> mapping, String message) {
        return matching(mapping, message, 1);
    }

    /** The codes whose description best matches the message, sharing at least {@code minWords} words with it. */
    static List<String> matching(Map<String, String> mapping, String message, int minWords) {
        Set<String> words = words(message);
        int best = 0;
        List<String> codes = new ArrayList<>();
        for (Map.Entry<String, String> entry : mapping.entrySet()) {
            Set<String> description = words(entry.getKey() + " " + entry.getValue());
            description.retainAll(words);
            int score = description.size();
            if (score > best) {
                best = score;
                codes.clear();
            }
            if (score == best && score >= Math.max(1, minWords)) {
                codes.add(entry.getKey());
            }
        }
        return codes.stream().sorted().toList();
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String token : LabelText.tokens(text)) {
            String t = SYNONYMS.getOrDefault(token, token);
            if (!STOP.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
