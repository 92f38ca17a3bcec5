package dev.rover.core.definition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where characters were removed from a line while preparing JSON for the YAML parser, so that
 * positions the parser reports can be mapped back to the columns of the file the user wrote.
 */
final class ColumnShifts {

    /** Shifts nothing: the text was parsed as written. */
    static final ColumnShifts NONE = new ColumnShifts();

    private final Map<Integer, List<Integer>> removedAt = new HashMap<>();

    /**
     * Records that one character was removed just before 0-based {@code column} of the prepared line;
     * calls for one line come in increasing column order.
     */
    void removedBefore(int line, int column) {
        removedAt.computeIfAbsent(line, l -> new ArrayList<>()).add(column);
    }

    /** The 0-based column in the original text of a 0-based column in the prepared text. */
    int originalColumn(int line, int column) {
        List<Integer> removals = removedAt.get(line);
        if (removals == null) {
            return column;
        }
        // removals are recorded left to right, so the count of those before the column is a binary search
        // (a long line full of escapes must not make every position lookup walk the whole line)
        int low = 0;
        int high = removals.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (removals.get(mid) < column) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return column + low;
    }
}
