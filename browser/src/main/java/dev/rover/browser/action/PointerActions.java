package dev.rover.browser.action;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.MouseButton;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Screen;
import dev.rover.core.page.ScreenPoint;

import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Performs the coordinate actions of computer-use engines with Playwright's mouse and keyboard. A point
 * names a pixel of the screenshot the model saw; it is scaled to the viewport's CSS pixels per axis, which
 * covers the device scale factor and any resizing of the image. Typed text that holds a secret placeholder
 * goes only into the focused field, after the secret guard allowed that field's origin.
 */
final class PointerActions {

    /** The editable element that has focus in a frame, or null. */
    private static final String FOCUSED_FIELD = "() => { const a = document.activeElement;"
            + " if (!a || a === document.body || a.tagName === 'IFRAME' || a.tagName === 'FRAME') return false;"
            + " return a.isContentEditable || a.tagName === 'TEXTAREA' || (a.tagName === 'INPUT' && !['button','submit','checkbox','radio','file','image','reset'].includes((a.type || '').toLowerCase())); }";

    private final ElementActions elements;
    private final SecretChecks checks;

    PointerActions(ElementActions elements, SecretChecks checks) {
        this.elements = elements;
        this.checks = checks;
    }

    void perform(Page page, BrowserAction.PointerAction action) {
        Scale scale = Scale.of(page, action.screen());
        try {
            if (action instanceof BrowserAction.ClickAt a) {
                double x = scale.x(a.point());
                double y = scale.y(a.point());
                checks.beforeClickAt(page, x, y);
                page.mouse().click(x, y, new Mouse.ClickOptions().setButton(button(a.button())).setClickCount(a.count()));
            } else if (action instanceof BrowserAction.MoveTo a) {
                page.mouse().move(scale.x(a.point()), scale.y(a.point()));
            } else if (action instanceof BrowserAction.DragPath a) {
                List<ScreenPoint> path = a.path();
                page.mouse().move(scale.x(path.get(0)), scale.y(path.get(0)));
                page.mouse().down();
                for (ScreenPoint p : path.subList(1, path.size())) {
                    page.mouse().move(scale.x(p), scale.y(p), new Mouse.MoveOptions().setSteps(5));
                }
                page.mouse().up();
            } else if (action instanceof BrowserAction.ScrollAt a) {
                page.mouse().move(scale.x(a.point()), scale.y(a.point()));
                page.mouse().wheel(a.dx() * scale.xFactor(), a.dy() * scale.yFactor());
            }
        } catch (PlaywrightException e) {
            throw new ActionFailure(action.actionType() + " at " + action.point() + " failed: " + FailureReasons.firstLine(e));
        }
    }

    /** Types into the focused element; a trailing newline presses Enter after the text. */
    void type(Page page, String text) {
        boolean enter = text.endsWith("\n");
        String body = enter ? text.substring(0, text.length() - 1) : text;
        if (checks.typesSecret(body)) {
            FoundElement field = focusedField(page);
            if (field == null) {
                throw new ActionFailure("no focused field to type the credential into: click the field first");
            }
            checks.beforeTyping(page, field, body);
            elements.input(field, body, true);
        } else if (!body.isEmpty()) {
            try {
                page.keyboard().type(body);
            } catch (PlaywrightException e) {
                throw new ActionFailure("could not type: " + FailureReasons.firstLineWithoutQuotes(e));
            }
        }
        if (enter) {
            checks.beforeKeys(page, null, List.of("Enter"));
            page.keyboard().press("Enter");
        }
    }

    private static FoundElement focusedField(Page page) {
        for (Frame frame : page.frames()) {
            try {
                if (!frame.isDetached() && Boolean.TRUE.equals(frame.evaluate(FOCUSED_FIELD))) {
                    Locator focused = frame.locator("*:focus");
                    // the facts an action decides by (tag, type, key events...), read as the finder reads them
                    @SuppressWarnings("unchecked")
                    Map<String, Object> facts = focused.evaluateAll(FoundElement.FACTS) instanceof Map<?, ?> map
                            ? (Map<String, Object>) map : Map.of();
                    return new FoundElement(frame, focused.first(), null, "the focused field", facts);
                }
            } catch (PlaywrightException e) {
                // a frame navigating away has no focus to offer
            }
        }
        return null;
    }

    private static MouseButton button(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "left" -> MouseButton.LEFT;
            case "right" -> MouseButton.RIGHT;
            case "middle", "wheel" -> MouseButton.MIDDLE;
            default -> throw new ActionFailure("unknown mouse button '" + name + "' (left, right or middle)");
        };
    }

    /** Screenshot pixels to CSS pixels of the viewport, per axis. */
    private record Scale(double xFactor, double yFactor, Screen screen) {

        static Scale of(Page page, Screen screen) {
            Object size = page.evaluate("() => [window.innerWidth, window.innerHeight]");
            if (!(size instanceof List<?> wh) || wh.size() != 2) {
                throw new ActionFailure("could not read the viewport size");
            }
            double width = ((Number) wh.get(0)).doubleValue();
            double height = ((Number) wh.get(1)).doubleValue();
            return new Scale(width / screen.width(), height / screen.height(), screen);
        }

        double x(ScreenPoint p) {
            requireOnScreen(p);
            return (p.x() + 0.5) * xFactor;
        }

        double y(ScreenPoint p) {
            requireOnScreen(p);
            return (p.y() + 0.5) * yFactor;
        }

        private void requireOnScreen(ScreenPoint p) {
            if (!screen.contains(p)) {
                throw new ActionFailure("point " + p + " is outside the " + screen + " screenshot");
            }
        }
    }
}
