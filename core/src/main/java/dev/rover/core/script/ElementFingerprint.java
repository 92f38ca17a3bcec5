package dev.rover.core.script;

import java.util.Locale;

/**
 * What an element was when the agent acted on it, to tell on replay whether a locator still finds the same
 * control: a selector that still resolves after a page change may point at another button.
 *
 * @param tag        lower-case tag name
 * @param role       ARIA role, explicit or implied
 * @param name       accessible name
 * @param label      text of its label
 * @param nearbyText text around it that tells it apart (its row, card heading, fieldset legend)
 * @param relativeX  horizontal position of its centre as a fraction of the page width (0..1), -1 when unknown
 * @param relativeY  vertical position of its centre as a fraction of the page height (0..1), -1 when unknown
 */
public record ElementFingerprint(String tag, String role, String name, String label, String nearbyText,
                                 double relativeX, double relativeY) {

    /** How close two nearby texts must be (share of words in common) to count as the same place. */
    static final double NEARBY_TEXT_SIMILARITY = 0.75;

    public ElementFingerprint {
        tag = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
        role = role == null ? "" : role.strip().toLowerCase(Locale.ROOT);
        name = normalize(name);
        label = normalize(label);
        nearbyText = normalize(nearbyText);
    }

    /**
     * Why {@code found} is not the element this fingerprint describes, or null when it is. The tag, role, name and
     * label must be equal (case and spacing aside); nearby text, leaving out the element's own name, must share three
     * quarters of its words and keep every word
     * with a digit in it (an invoice number, a row id), so a row that gained a column still matches but the same button
     * in another row does not. Position is not compared:
     * layouts move without the control changing.
     */
    public String differenceFrom(ElementFingerprint found) {
        if (!tag.equals(found.tag)) {
            return "expected a <" + tag + "> but found a <" + found.tag + ">";
        }
        if (!role.equals(found.role)) {
            return "expected role '" + role + "' but found '" + found.role + "'";
        }
        if (!name.equalsIgnoreCase(found.name)) {
            return "expected " + describe(role, tag) + " '" + name + "' but found '" + found.name + "'";
        }
        if (!label.equalsIgnoreCase(found.label)) {
            return "expected the label '" + label + "' but found '" + found.label + "'";
        }
        if (!nearbyText.isEmpty() && (similarity(nearbyText, found.nearbyText, name) < NEARBY_TEXT_SIMILARITY
                || !numbers(found.nearbyText).containsAll(numbers(nearbyText)))) {
            return "expected it near '" + shorten(nearbyText) + "' but it is near '" + shorten(found.nearbyText) + "'";
        }
        return null;
    }

    /** A short description for reasons and scripts: {@code button 'Submit'}. */
    public String describe() {
        String what = describe(role, tag);
        String called = !name.isEmpty() ? name : label;
        return called.isEmpty() ? what : what + " '" + shorten(called) + "'";
    }

    private static String describe(String role, String tag) {
        return role.isEmpty() ? tag : role;
    }

    private static String normalize(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** Share of the words of the smaller text that the other one has as well, the words of {@code own} left out. */
    static double similarity(String a, String b, String own) {
        var wordsA = words(a);
        var wordsB = words(b);
        wordsA.removeAll(words(own));
        wordsB.removeAll(words(own));
        if (wordsA.isEmpty() || wordsB.isEmpty()) {
            return wordsA.isEmpty() && wordsB.isEmpty() ? 1 : 0;
        }
        var common = new java.util.HashSet<>(wordsA);
        common.retainAll(wordsB);
        return (double) common.size() / Math.min(wordsA.size(), wordsB.size());
    }

    private static java.util.Set<String> numbers(String s) {
        var out = words(s);
        out.removeIf(w -> w.chars().noneMatch(Character::isDigit));
        return out;
    }

    private static java.util.Set<String> words(String s) {
        var out = new java.util.HashSet<String>();
        for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
