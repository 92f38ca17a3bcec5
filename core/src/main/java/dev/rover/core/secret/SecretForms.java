package dev.rover.core.secret;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ways a secret value is commonly written down besides as itself: escaped inside a JSON string
 * (a trace, a log in JSON), HTML-escaped (a DOM snapshot), and form- or URL-encoded (a recorded POST).
 * Redaction looks for every form, so a password with a quote or an ampersand is caught too.
 */
final class SecretForms {

    private SecretForms() {
    }

    /** The value and each distinct encoded form of it, the value first. */
    static List<String> of(String value) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(value);
        forms.add(json(value));
        forms.add(html(value));
        forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
        forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        forms.removeIf(String::isEmpty);
        return List.copyOf(forms);
    }

    /** The value as it appears between the quotes of a JSON string. */
    static String json(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** The value with HTML's special characters escaped. */
    static String html(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
