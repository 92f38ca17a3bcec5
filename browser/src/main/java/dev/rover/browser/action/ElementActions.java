package dev.rover.browser.action;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import dev.rover.core.secret.SecretScope;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Performs the actions on one element (click, input, checkbox, upload, hover) with as few round
 * trips to the browser as it can: Playwright's auto-wait checks that the element is visible,
 * enabled and editable, and its call log is turned into reasons such as "element a3 is disabled",
 * except where the facts read with the element already settle what Playwright would ask the page again
 * (a plain text field is filled {@linkplain DirectInput directly}; a still, uncovered element is clicked
 * {@linkplain FoundElement#clearToClick without the waits}).
 */
final class ElementActions {

    /** The attribute marking a field that holds a secret; screenshots cover it and observations hide its value. */
    static final String SECRET_ATTRIBUTE = "data-rover-secret";

    private final double timeoutMillis;
    private final Function<String, String> secrets;
    private final boolean direct;

    /**
     * @param direct whether actions may skip Playwright's waits where the facts read with the element settle them
     *               ({@link ActionExecutor}: when no trace records)
     */
    ElementActions(double timeoutMillis, Function<String, String> secrets, boolean direct) {
        this.timeoutMillis = timeoutMillis;
        this.secrets = secrets;
        this.direct = direct;
    }

    void click(FoundElement element) {
        Locator.ClickOptions options = new Locator.ClickOptions().setTimeout(timeoutMillis);
        try {
            if (element.opensNewTab()) {
                // Wait for the tab so it is current (and observable) when the action returns.
                element.frame().page().waitForPopup(new Page.WaitForPopupOptions().setTimeout(timeoutMillis),
                        () -> element.locator().click(options));
            } else if (element.startsDownload()) {
                // A download link starts no navigation, and its download event arrives after the click
                // returns: wait for it here so the action's capture saves it instead of missing it.
                // A cross-origin link may navigate instead; then the capture's navigation wait takes over.
                boolean[] clicked = {false};
                try {
                    element.frame().page().waitForDownload(new Page.WaitForDownloadOptions().setTimeout(timeoutMillis), () -> {
                        element.locator().click(options);
                        clicked[0] = true;
                    });
                } catch (TimeoutError e) {
                    if (!clicked[0]) {
                        throw e;
                    }
                }
            } else if (!clickedDirectly(element, () -> element.locator().click(
                    new Locator.ClickOptions().setTimeout(timeoutMillis).setForce(true)))) {
                element.locator().click(options);
            }
        } catch (PlaywrightException e) {
            throw new ActionFailure(FailureReasons.interaction("click", element.name(), e));
        }
    }

    /**
     * Types into a field. Text is filled in one operation unless the field reacts to key events
     * (a combobox, an autocomplete, a masked field): those are typed key by key so their scripts see
     * each key. A secret is marked on the field first (so screenshots cover it and observations hide
     * its value) and always filled: typed key by key, a page that reports each keystroke would
     * receive every prefix of it. A plain text field found with its facts is filled directly ({@link DirectInput}).
     */
    void input(FoundElement element, String text, boolean secret) {
        String typed = text == null ? "" : text;
        boolean holdsSecret = secret || SecretScope.looksLikePlaceholder(typed);
        Locator locator = element.locator();
        if (holdsSecret) {
            markSecret(element);
        }
        String value = secrets.apply(typed);
        try {
            if (!holdsSecret && DirectInput.fill(element, value, direct)) {
                return;
            }
            if (holdsSecret || !element.needsKeyEvents()) {
                locator.fill(value, new Locator.FillOptions().setTimeout(timeoutMillis));
            } else {
                locator.fill("", new Locator.FillOptions().setTimeout(timeoutMillis));
                locator.pressSequentially(value, new Locator.PressSequentiallyOptions().setTimeout(timeoutMillis));
            }
        } catch (PlaywrightException e) {
            // The message may quote the typed value: never pass it on; say what kept the field from taking it.
            throw new ActionFailure(whyNotTyped(element).orElseGet(() ->
                    FailureReasons.interaction("type into", element.name(), sanitized(e))));
        }
    }

    /** Why a field refused text, asked only after it did: hidden, disabled or read-only; empty when none of these. */
    private static java.util.Optional<String> whyNotTyped(FoundElement element) {
        try {
            Locator locator = element.locator();
            if (!locator.isVisible()) {
                return java.util.Optional.of(element.name() + " is not visible");
            }
            if (locator.isDisabled()) {
                return java.util.Optional.of(element.name() + " is disabled");
            }
        } catch (PlaywrightException e) {
            return java.util.Optional.empty();
        }
        try {
            if (!element.locator().isEditable()) {
                return java.util.Optional.of(element.name() + " is not editable");
            }
        } catch (PlaywrightException e) {
            // Playwright refuses to ask: the element is no field at all ("Element is not an <input> ...")
            if (String.valueOf(e.getMessage()).contains("Element is not an <input>")) {
                return java.util.Optional.of(element.name() + " is not editable");
            }
        }
        return java.util.Optional.empty();
    }

    private static void markSecret(FoundElement element) {
        try {
            element.locator().evaluate("e => e.setAttribute('" + SECRET_ATTRIBUTE + "', '')");
        } catch (PlaywrightException e) {
            throw new ActionFailure("could not mark " + element.name() + " as a secret field: " + FailureReasons.firstLine(e));
        }
    }

    void checkbox(FoundElement element, boolean checked) {
        requireEnabled(element);
        boolean radio = "radio".equals(element.inputType()) || "radio".equals(element.role());
        if (radio && !checked) {
            throw new ActionFailure(element.name() + " is a radio button and cannot be unchecked; choose another option of its group");
        }
        Locator locator = element.locator();
        try {
            if (!element.visible()) {
                // Styled checkboxes hide the input and show its label instead.
                clickLabelOf(element, checked);
                return;
            }
            if (!clickedDirectly(element, () -> locator.setChecked(checked,
                    new Locator.SetCheckedOptions().setTimeout(timeoutMillis).setForce(true)))) {
                locator.setChecked(checked, new Locator.SetCheckedOptions().setTimeout(timeoutMillis));
            }
        } catch (PlaywrightException e) {
            throw new ActionFailure(FailureReasons.interaction(checked ? "check" : "uncheck", element.name(), e));
        }
    }

    void upload(Page page, FoundElement element, String file) {
        if (file == null || file.isBlank()) {
            throw new ActionFailure("upload_file needs a file path");
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new ActionFailure("file " + path + " does not exist");
        }
        requireEnabled(element);
        try {
            if ("input".equals(element.tag()) && "file".equals(element.inputType())) {
                element.locator().setInputFiles(path, new Locator.SetInputFilesOptions().setTimeout(timeoutMillis));
            } else {
                requireVisible(element);
                page.waitForFileChooser(new Page.WaitForFileChooserOptions().setTimeout(timeoutMillis),
                        () -> element.locator().click(new Locator.ClickOptions().setTimeout(timeoutMillis)))
                        .setFiles(path);
            }
        } catch (PlaywrightException e) {
            throw new ActionFailure(FailureReasons.interaction("upload a file to", element.name(), e));
        }
    }

    void hover(FoundElement element) {
        try {
            element.locator().hover(new Locator.HoverOptions().setTimeout(timeoutMillis));
        } catch (PlaywrightException e) {
            throw new ActionFailure(FailureReasons.interaction("hover over", element.name(), e));
        }
    }

    /**
     * Runs {@code forcedClick} (Playwright's click without its waits) under a {@link ClickGuard} when the element is
     * {@linkplain FoundElement#clearToClick clear to click}, found by its id in the tab's top frame (in a frame, what
     * covers the frame itself is not read), and actions may skip Playwright's waits at all (a traced click is exactly
     * Playwright's). Returns whether it clicked; false leaves the click to Playwright's own waits.
     */
    private boolean clickedDirectly(FoundElement element, Runnable forcedClick) {
        return direct && element.id() != null && element.frame().parentFrame() == null && element.clearToClick()
                && ClickGuard.click(element, forcedClick);
    }

    static void requireVisible(FoundElement element) {
        if (!element.visible()) {
            throw new ActionFailure(element.name() + " is not visible");
        }
    }

    static void requireEnabled(FoundElement element) {
        if (element.disabled()) {
            throw new ActionFailure(element.name() + " is disabled");
        }
    }

    private void clickLabelOf(FoundElement element, boolean checked) {
        Object labelled = element.locator().evaluate("e => e.labels ? e.labels.length : 0");
        if (!(labelled instanceof Number n) || n.intValue() == 0) {
            throw new ActionFailure(element.name() + " is not visible");
        }
        if (element.locator().isChecked() != checked) {
            element.locator().evaluate("e => e.labels[0].click()");
        }
        if (element.locator().isChecked() != checked) {
            throw new ActionFailure("clicking the label of " + element.name() + " did not change its state");
        }
    }

    private static PlaywrightException sanitized(PlaywrightException e) {
        return new PlaywrightException(FailureReasons.firstLineWithoutQuotes(e));
    }
}
