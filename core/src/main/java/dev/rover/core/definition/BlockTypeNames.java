package dev.rover.core.definition;

import java.util.Locale;
import java.util.Set;

/**
 * Catches misspelt block types at load time: a {@code block_type} no format knows but within a few
 * letters of one that is known is an error suggesting the known one. A type far from every known one
 * still loads (a third-party type without a declared format), and whether it runs is checked later.
 */
final class BlockTypeNames {

    private final Problems problems;
    private final BlockSchemas schemas;

    BlockTypeNames(Problems problems, BlockSchemas schemas) {
        this.problems = problems;
        this.schemas = schemas;
    }

    /** Reports {@code type} when it is not known and looks like a misspelling of a known type. */
    void check(MappingView view, String type) {
        Set<String> known = schemas.types();
        if (known.contains(type)) {
            return;
        }
        String closest = closest(type, known);
        if (closest != null) {
            problems.add(view.positionOf("block_type"), view.path("block_type"), "unknown block_type '" + type
                    + "'; did you mean '" + closest + "'?");
        }
    }

    /** The known type nearest to {@code type}, when it is near enough to be a misspelling; else null. */
    static String closest(String type, Set<String> known) {
        String normalized = type.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(normalized, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(3, normalized.length() / 3));
        return best != null && bestDistance <= allowed ? best : null;
    }

    /** Edit distance with adjacent transpositions (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
