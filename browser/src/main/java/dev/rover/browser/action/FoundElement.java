package dev.rover.browser.action;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Locator;

/** An element located for an action, with the frame it lives in and how to name it in failure reasons. */
record FoundElement(Frame frame, Locator locator, String name) {

    /** The lower-case tag name. */
    String tag() {
        return String.valueOf(locator.evaluate("e => e.tagName.toLowerCase()"));
    }

    /** The lower-case {@code type} attribute of an input, or an empty string. */
    String inputType() {
        Object type = locator.evaluate("e => (e.getAttribute('type') || (e.tagName === 'INPUT' ? 'text' : '')).toLowerCase()");
        return String.valueOf(type);
    }

    /** The ARIA role attribute, or an empty string. */
    String role() {
        Object role = locator.evaluate("e => (e.getAttribute('role') || '').toLowerCase()");
        return String.valueOf(role);
    }
}
