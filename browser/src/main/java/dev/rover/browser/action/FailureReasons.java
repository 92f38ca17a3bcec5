package dev.rover.browser.action;

import com.microsoft.playwright.PlaywrightException;

/** Turns Playwright's verbose errors into short reasons a person (or a language model) can act on. */
final class FailureReasons {

    private FailureReasons() {
    }

    /** A reason for a failed interaction with {@code element} (its name, e.g. "element a3"). */
    static String interaction(String verb, String element, PlaywrightException e) {
        String message = String.valueOf(e.getMessage());
        String covering = coveringElement(message);
        if (covering != null) {
            return element + " is covered by another element (" + covering + ")";
        }
        if (message.contains("element is not visible") || message.contains("element is outside of the viewport")) {
            return element + " is not visible";
        }
        if (message.contains("element is not enabled") || message.contains("element is disabled")) {
            return element + " is disabled";
        }
        if (message.contains("element is not editable")) {
            return element + " is not editable";
        }
        if (message.contains("Element is not attached") || message.contains("element was detached")) {
            return element + " disappeared from the page";
        }
        if (message.contains("Timeout")) {
            return "could not " + verb + " " + element + " in time: " + firstLine(e);
        }
        return "could not " + verb + " " + element + ": " + firstLine(e);
    }

    /** The first line of an exception message (Playwright appends long call logs). */
    static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int quoted = message.indexOf("message='");
        if (message.startsWith("Error {") && quoted >= 0) {
            // Playwright wraps driver errors as "Error {\n  message='...'\n  name=...".
            message = message.substring(quoted + "message='".length());
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }

    /** The first line of an exception message with every quoted part blanked: it may quote text that was typed. */
    static String firstLineWithoutQuotes(Throwable e) {
        return firstLine(e).replaceAll("\"[^\"]*\"", "\"…\"");
    }

    private static String coveringElement(String message) {
        int at = message.indexOf(" intercepts pointer events");
        if (at < 0) {
            return null;
        }
        int lineStart = message.lastIndexOf('\n', at) + 1;
        String line = message.substring(lineStart, at).replaceFirst("^[\\s-]+", "").trim();
        return line.length() > 120 ? line.substring(0, 120) + "..." : line;
    }
}
