package dev.rover.llm.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts text read from a page to a JSON-schema type: numbers without currency signs and
 * thousands separators ("$1,234.50" is 1234.5, "(12.00)" is -12), booleans from yes/no/on/off and
 * check marks, strings as shown. Unknown types ("url", "iso-8601-date-string") stay strings.
 */
final class ValueConverter {

    private static final Pattern NUMBER = Pattern.compile("(\\()?\\s*([-+\u2212])?\\s*[^\\d\\s(+-]{0,4}\\s*(\\d[\\d.,\\s\u00A0']*)");
    private static final Set<String> TRUE = Set.of("yes", "y", "true", "on", "1", "checked", "enabled", "active", "✓", "✔", "☑", "✅");
    private static final Set<String> FALSE = Set.of("no", "n", "false", "off", "0", "unchecked", "disabled", "inactive", "✗", "✘", "☐", "x", "❌", "-");

    private ValueConverter() {
    }

    /** The value as the schema type, or empty when the text cannot be read as that type. */
    static Optional<JsonNode> convert(String text, String type) {
        String t = text == null ? "" : text.strip();
        return switch (type) {
            case "number" -> number(t).map(n -> (JsonNode) DecimalNode.valueOf(n.stripTrailingZeros().scale() < 0
                    ? n.setScale(0) : n.stripTrailingZeros()));
            case "integer" -> number(t).filter(n -> n.stripTrailingZeros().scale() <= 0).map(n -> (JsonNode) LongNode.valueOf(n.longValue()));
            case "boolean" -> bool(t).map(BooleanNode::valueOf);
            default -> Optional.of(TextNode.valueOf(t));
        };
    }

    static Optional<BigDecimal> number(String text) {
        Matcher m = NUMBER.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        boolean negative = m.group(1) != null && text.substring(m.end()).strip().startsWith(")")
                || (m.group(2) != null && !m.group(2).equals("+"));
        String digits = m.group(3).replaceAll("[\\s\u00A0']", "");
        digits = digits.replaceAll("[.,]+$", "");
        int lastDot = digits.lastIndexOf('.');
        int lastComma = digits.lastIndexOf(',');
        if (lastDot >= 0 && lastComma >= 0) {
            char decimal = lastDot > lastComma ? '.' : ',';
            char thousands = decimal == '.' ? ',' : '.';
            digits = digits.replace(String.valueOf(thousands), "").replace(decimal, '.');
        } else if (lastComma >= 0) {
            boolean thousandsOnly = digits.matches("\\d{1,3}(,\\d{3})+");
            digits = thousandsOnly ? digits.replace(",", "") : digits.replace(',', '.');
        } else if (digits.chars().filter(c -> c == '.').count() > 1) {
            digits = digits.replace(".", "");
        }
        try {
            BigDecimal value = new BigDecimal(digits);
            return Optional.of(negative ? value.negate() : value);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Boolean> bool(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(t)) {
            return Optional.of(true);
        }
        if (FALSE.contains(t)) {
            return Optional.of(false);
        }
        return Optional.empty();
    }
}
