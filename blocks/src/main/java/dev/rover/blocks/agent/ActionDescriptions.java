package dev.rover.blocks.agent;

import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.BrowserAction.Checkbox;
import dev.rover.core.page.BrowserAction.GotoUrl;
import dev.rover.core.page.BrowserAction.InputText;
import dev.rover.core.page.BrowserAction.Keypress;
import dev.rover.core.page.BrowserAction.NewTab;
import dev.rover.core.page.BrowserAction.Scroll;
import dev.rover.core.page.BrowserAction.SelectOption;
import dev.rover.core.page.BrowserAction.SwitchTab;
import dev.rover.core.page.BrowserAction.UploadFile;
import dev.rover.core.page.BrowserAction.Wait;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns an action into the JSON-shaped details a timeline, a report and an action cache record:
 * Skyvern's field names ({@code action_type}, {@code id}, {@code text}, {@code option}, ...).
 */
public final class ActionDescriptions {

    private ActionDescriptions() {
    }

    /** The action's fields under Skyvern's names; typed text stays as the engine wrote it (placeholders). */
    public static Map<String, Object> describe(BrowserAction action) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("action_type", action.actionType());
        if (action instanceof BrowserAction.ElementAction ea) {
            putTarget(d, ea.target());
        }
        if (action instanceof InputText a) {
            d.put("text", a.text());
        } else if (action instanceof SelectOption a) {
            Map<String, Object> option = new LinkedHashMap<>();
            if (a.label() != null) option.put("label", a.label());
            if (a.value() != null) option.put("value", a.value());
            if (a.index() != null) option.put("index", a.index());
            d.put("option", option);
        } else if (action instanceof Checkbox a) {
            d.put("checked", a.checked());
        } else if (action instanceof UploadFile a) {
            d.put("file_url", a.file());
        } else if (action instanceof Keypress a) {
            if (a.target() != null) putTarget(d, a.target());
            d.put("key", String.join("+", a.keys()));
        } else if (action instanceof Scroll a) {
            if (a.target() != null) putTarget(d, a.target());
            d.put("direction", a.direction());
            d.put("pixels", a.pixels());
        } else if (action instanceof Wait a) {
            d.put("seconds", a.seconds());
        } else if (action instanceof GotoUrl a) {
            d.put("url", a.url());
        } else if (action instanceof NewTab a && a.url() != null) {
            d.put("url", a.url());
        } else if (action instanceof SwitchTab a) {
            d.put("index", a.index());
        } else if (action instanceof BrowserAction.PointerAction a) {
            pointer(d, a);
        } else if (action instanceof BrowserAction.TypeText a) {
            d.put("text", a.text());
        }
        return d;
    }

    /** The point in the screenshot's pixels and that screenshot's size: the report marks it on the screenshot. */
    private static void pointer(Map<String, Object> d, BrowserAction.PointerAction a) {
        d.put("x", a.point().x());
        d.put("y", a.point().y());
        if (a instanceof BrowserAction.ClickAt c) {
            d.put("button", c.button());
            d.put("click_count", c.count());
        } else if (a instanceof BrowserAction.ScrollAt s) {
            d.put("scroll_x", s.dx());
            d.put("scroll_y", s.dy());
        } else if (a instanceof BrowserAction.DragPath p) {
            d.put("path", p.path().stream().map(pt -> java.util.List.of(pt.x(), pt.y())).toList());
        }
        d.put("screen_width", a.screen().width());
        d.put("screen_height", a.screen().height());
    }

    private static void putTarget(Map<String, Object> d, dev.rover.core.page.Target t) {
        if (t.hasId()) {
            d.put("id", t.elementId());
        } else {
            d.put("selector", t.selector());
        }
    }
}
