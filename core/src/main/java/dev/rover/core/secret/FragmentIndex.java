package dev.rover.core.secret;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds pieces of secrets in text: every run of {@value #MIN_LENGTH} or more characters that is also
 * a run of some secret. A page that reports each keystroke, or a log that cuts a value short, leaks
 * a secret without ever holding it whole, so redaction must cover fragments too. Each window of
 * {@value #MIN_LENGTH} characters of the text is looked up by a rolling hash, so a search is linear in
 * the text's length; a covered stretch is replaced by the placeholder of the secret it came from.
 * Immutable.
 */
final class FragmentIndex {

    /** The shortest piece of a secret that counts as a leak. */
    static final int MIN_LENGTH = 6;
    private static final long BASE = 1_000_003L;
    private static final long TOP_POWER;

    static {
        long p = 1;
        for (int i = 1; i < MIN_LENGTH; i++) {
            p *= BASE;
        }
        TOP_POWER = p;
    }

    static final FragmentIndex EMPTY = new FragmentIndex(Map.of());

    /**
     * Words every login page shows ({@code type="password"}, "Invalid username or password"). A stretch
     * that is only part of one of them stays: a password such as {@code not-the-password-91} must not
     * turn each "password" of the page into a placeholder, and such a piece tells nothing about the secret.
     */
    private static final List<String> FORM_WORDS = List.of("current-password", "new-password", "passwords", "usernames",
            "passcode", "one-time-code", "account", "invalid", "incorrect", "confirm", "remember", "forgotten", "submit",
            "sign-in", "signin", "logout", "log-out", "welcome", "verification", "security", "required");

    /** Window hash to the windows (and their placeholders) with that hash. */
    private final Map<Long, List<Gram>> grams;

    private FragmentIndex(Map<Long, List<Gram>> grams) {
        this.grams = grams;
    }

    /** An index of every window of each text; texts shorter than {@value #MIN_LENGTH} are left to whole-value redaction. */
    static FragmentIndex of(Map<String, String> placeholderOfText) {
        Map<Long, List<Gram>> grams = new HashMap<>();
        for (Map.Entry<String, String> e : placeholderOfText.entrySet()) {
            String text = e.getKey();
            for (int i = 0; i + MIN_LENGTH <= text.length(); i++) {
                String window = text.substring(i, i + MIN_LENGTH);
                List<Gram> same = grams.computeIfAbsent(hash(window, 0), h -> new ArrayList<>(1));
                if (same.stream().noneMatch(g -> g.window.equals(window))) {
                    same.add(new Gram(window, e.getValue()));
                }
            }
        }
        return new FragmentIndex(Map.copyOf(grams));
    }

    boolean isEmpty() {
        return grams.isEmpty();
    }

    /**
     * The text with every stretch made of secret windows replaced by the placeholder of its first
     * window. Placeholders already in the text (with one of {@code suffixes} as their last part) are
     * left alone: {@code placeholder_ab12_password} must survive a secret that contains "password".
     */
    String redact(String text, Set<String> suffixes) {
        if (grams.isEmpty() || text == null || text.length() < MIN_LENGTH) {
            return text;
        }
        boolean[] kept = placeholders(text, suffixes);
        String[] owner = null;
        long h = hash(text, 0);
        for (int i = 0; i + MIN_LENGTH <= text.length(); i++) {
            if (i > 0) {
                h = (h - text.charAt(i - 1) * TOP_POWER) * BASE + text.charAt(i + MIN_LENGTH - 1);
            }
            List<Gram> candidates = grams.get(h);
            if (candidates == null) {
                continue;
            }
            for (Gram g : candidates) {
                if (text.startsWith(g.window, i) && !overlaps(kept, i)) {
                    if (owner == null) {
                        owner = new String[text.length()];
                    }
                    for (int j = i; j < i + MIN_LENGTH; j++) {
                        if (owner[j] == null) {
                            owner[j] = g.placeholder;
                        }
                    }
                    break;
                }
            }
        }
        if (owner == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (owner[i] == null) {
                out.append(text.charAt(i++));
            } else {
                int start = i;
                while (i < text.length() && owner[i] != null) {
                    i++;
                }
                String stretch = text.substring(start, i);
                out.append(isFormWordPiece(stretch) ? stretch : owner[start]);
            }
        }
        return out.toString();
    }

    private static boolean isFormWordPiece(String stretch) {
        String lower = stretch.toLowerCase(java.util.Locale.ROOT);
        for (String word : FORM_WORDS) {
            if (word.contains(lower)) {
                return true;
            }
        }
        return false;
    }

    /** Marks the characters of every placeholder in the text; null when there is none. */
    private static boolean[] placeholders(String text, Set<String> suffixes) {
        boolean[] kept = null;
        String prefix = SecretScope.PLACEHOLDER_PREFIX;
        for (int i = text.indexOf(prefix); i >= 0; i = text.indexOf(prefix, i + 1)) {
            int tag = i + prefix.length();
            int underscore = tag + SecretScope.TAG_LENGTH;
            if (underscore >= text.length() || text.charAt(underscore) != '_' || !isTag(text, tag, underscore)) {
                continue;
            }
            int longest = 0;
            for (String suffix : suffixes) {
                if (suffix.length() > longest && text.startsWith(suffix, underscore + 1)) {
                    longest = suffix.length();
                }
            }
            if (longest > 0) {
                if (kept == null) {
                    kept = new boolean[text.length()];
                }
                java.util.Arrays.fill(kept, i, underscore + 1 + longest, true);
            }
        }
        return kept;
    }

    private static boolean isTag(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static boolean overlaps(boolean[] kept, int from) {
        if (kept == null) {
            return false;
        }
        for (int i = from; i < from + MIN_LENGTH; i++) {
            if (kept[i]) {
                return true;
            }
        }
        return false;
    }

    private static long hash(String text, int from) {
        long h = 0;
        for (int i = from; i < from + MIN_LENGTH; i++) {
            h = h * BASE + text.charAt(i);
        }
        return h;
    }

    /** One window of a secret and the placeholder standing for it. */
    private record Gram(String window, String placeholder) {
    }
}
