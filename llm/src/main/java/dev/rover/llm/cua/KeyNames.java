package dev.rover.llm.cua;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the key names computer-use models write (xdotool's {@code ctrl+Return}, OpenAI's {@code ["CTRL","A"]},
 * UI-TARS's {@code ctrl c}) into Playwright's key combinations ({@code Control+Enter}).
 */
final class KeyNames {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("ctrl", "Control"), Map.entry("control", "Control"), Map.entry("alt", "Alt"), Map.entry("option", "Alt"),
            Map.entry("shift", "Shift"), Map.entry("cmd", "Meta"), Map.entry("command", "Meta"), Map.entry("meta", "Meta"),
            Map.entry("super", "Meta"), Map.entry("win", "Meta"), Map.entry("return", "Enter"), Map.entry("enter", "Enter"),
            Map.entry("kp_enter", "Enter"), Map.entry("esc", "Escape"), Map.entry("escape", "Escape"), Map.entry("tab", "Tab"),
            Map.entry("space", "Space"), Map.entry("backspace", "Backspace"), Map.entry("delete", "Delete"), Map.entry("del", "Delete"),
            Map.entry("insert", "Insert"), Map.entry("home", "Home"), Map.entry("end", "End"),
            Map.entry("pageup", "PageUp"), Map.entry("page_up", "PageUp"), Map.entry("prior", "PageUp"),
            Map.entry("pagedown", "PageDown"), Map.entry("page_down", "PageDown"), Map.entry("next", "PageDown"),
            Map.entry("up", "ArrowUp"), Map.entry("down", "ArrowDown"), Map.entry("left", "ArrowLeft"), Map.entry("right", "ArrowRight"),
            Map.entry("arrowup", "ArrowUp"), Map.entry("arrowdown", "ArrowDown"), Map.entry("arrowleft", "ArrowLeft"),
            Map.entry("arrowright", "ArrowRight"));

    private KeyNames() {
    }

    /** One combination written with {@code +} ({@code ctrl+a}, {@code Return}). */
    static String combo(String written) {
        if (written == null || written.isBlank()) {
            throw new IllegalArgumentException("a key combination cannot be empty");
        }
        String trimmed = written.trim();
        if (trimmed.equals("+")) {
            return "+";
        }
        return of(Arrays.asList(trimmed.split("\\+")));
    }

    /** Keys pressed together, one name each. */
    static String of(List<String> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a key combination needs at least one key");
        }
        return keys.stream().map(String::trim).filter(k -> !k.isEmpty()).map(KeyNames::key).collect(Collectors.joining("+"));
    }

    private static String key(String name) {
        String mapped = NAMES.get(name.toLowerCase(Locale.ROOT));
        if (mapped != null) {
            return mapped;
        }
        if (name.length() == 1) {
            return name;
        }
        if (name.matches("(?i)f\\d{1,2}")) {
            return name.toUpperCase(Locale.ROOT);
        }
        // Playwright names the rest as the DOM does (Backquote, NumLock, ...)
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
