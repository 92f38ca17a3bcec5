package dev.rover.llm.offline;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date as people write it ("2024-03-05", "March 5, 2024", "5 Mar 2024", "15/03/2024") and
 * writes it the way a field needs it: ISO for a date input, or the pattern a placeholder shows
 * ("DD/MM/YYYY"). A numeric date whose day and month could be swapped is not guessed.
 */
final class DateText {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern ISO = Pattern.compile("^(\\d{4})-(\\d{1,2})-(\\d{1,2})$");
    private static final Pattern NUMERIC = Pattern.compile("^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})$");
    private static final Pattern MONTH_FIRST = Pattern.compile("^(?:[a-z]+,?\\s+)?([a-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$", FLAGS);
    private static final Pattern DAY_FIRST = Pattern.compile("^(?:[a-z]+,?\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?([a-z]{3,9})\\.?,?\\s+(\\d{4})$", FLAGS);
    private static final Pattern PLACEHOLDER = Pattern.compile("^(dd|mm|yyyy)([/.-])(dd|mm|yyyy)\\2(dd|mm|yyyy)$", FLAGS);
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private DateText() {
    }

    /** A date read from text, or why it could not be read. */
    record Parsed(LocalDate date, String problem) {
        boolean ok() {
            return date != null;
        }
    }

    /** Reads the date in {@code text}. */
    static Parsed parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m;
        try {
            if ((m = ISO.matcher(t)).matches()) {
                return ok(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            if ((m = MONTH_FIRST.matcher(t)).matches() && month(m.group(1)) > 0) {
                return ok(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = DAY_FIRST.matcher(t)).matches() && month(m.group(2)) > 0) {
                return ok(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)));
            }
            if ((m = NUMERIC.matcher(t)).matches()) {
                int a = Integer.parseInt(m.group(1));
                int b = Integer.parseInt(m.group(2));
                int year = Integer.parseInt(m.group(3));
                if (a > 12 && b <= 12) {
                    return ok(year, b, a);
                }
                if (b > 12 && a <= 12) {
                    return ok(year, a, b);
                }
                if (a == b) {
                    return ok(year, a, b);
                }
                return new Parsed(null, "\"" + t + "\" could be day/month or month/day; write it as " + year + "-MM-DD or with the month's name");
            }
        } catch (DateTimeException e) {
            return new Parsed(null, "\"" + t + "\" is not a valid date: " + e.getMessage());
        }
        return new Parsed(null, "\"" + t + "\" is not a date the offline engine reads (write 2024-03-05, March 5, 2024 or 5 March 2024)");
    }

    /** The date written for a field: ISO for date inputs, a placeholder's pattern when it shows one, else ISO. */
    static String format(LocalDate date, String placeholder) {
        Matcher m = PLACEHOLDER.matcher(placeholder == null ? "" : placeholder.strip());
        if (!m.matches()) {
            return date.toString();
        }
        String sep = m.group(2);
        StringBuilder pattern = new StringBuilder();
        for (String part : List.of(m.group(1), m.group(3), m.group(4))) {
            if (!pattern.isEmpty()) {
                pattern.append(sep);
            }
            pattern.append(switch (part.toLowerCase(Locale.ROOT)) { case "dd" -> "dd"; case "mm" -> "MM"; default -> "yyyy"; });
        }
        return date.format(DateTimeFormatter.ofPattern(pattern.toString()));
    }

    /** True when the placeholder shows a date pattern. */
    static boolean isDatePlaceholder(String placeholder) {
        return placeholder != null && PLACEHOLDER.matcher(placeholder.strip()).matches();
    }

    private static Parsed ok(int year, int month, int day) {
        return new Parsed(LocalDate.of(year, month, day), "");
    }

    private static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.length() >= 3 ? MONTHS.indexOf(n.substring(0, 3)) + 1 : 0;
    }
}
