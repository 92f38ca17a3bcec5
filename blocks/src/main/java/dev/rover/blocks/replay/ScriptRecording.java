package dev.rover.blocks.replay;

import dev.rover.core.engine.ActionRecord;
import dev.rover.core.exec.RunSecrets;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.script.ElementFingerprint;
import dev.rover.core.script.ElementIdentity;
import dev.rover.core.script.ElementLocator;
import dev.rover.core.script.ScriptAction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the actions an agent carried out in a block into script actions: each element with the locator and
 * fingerprint the browser read when acting on it (secrets redacted), each value as a reference to its source.
 */
final class ScriptRecording {

    private ScriptRecording() {
    }

    /**
     * The script actions for these records (successful actions, in order).
     *
     * @throws ScriptValues.Unrecordable when an action cannot be replayed (a computer-use action at a point, an element
     *                                   the browser could not identify, a value with no source a script may name)
     */
    static List<ScriptAction> of(List<ActionRecord> performed, ScriptValues values, RunSecrets secrets) {
        List<ScriptAction> actions = new ArrayList<>();
        int index = 0;
        for (ActionRecord record : performed) {
            index++;
            BrowserAction action = record.action();
            if (action instanceof BrowserAction.Screenshot) {
                continue;
            }
            String which = "action " + index + " (" + action.actionType() + ")";
            ElementIdentity element = needsElement(action) ? identity(record, which, secrets, values) : null;
            Map<String, Object> args = new LinkedHashMap<>();
            String value = null;
            if (action instanceof BrowserAction.InputText a) {
                value = values.template(a.text(), "the text typed by " + which);
            } else if (action instanceof BrowserAction.SelectOption a) {
                if (a.label() != null && !a.label().isBlank()) {
                    value = values.template(a.label(), "the option chosen by " + which);
                    args.put("by", "label");
                } else if (a.value() != null && !a.value().isBlank()) {
                    value = values.template(a.value(), "the option chosen by " + which);
                    args.put("by", "value");
                } else {
                    args.put("index", a.index());
                }
            } else if (action instanceof BrowserAction.Checkbox a) {
                args.put("checked", a.checked());
            } else if (action instanceof BrowserAction.UploadFile a) {
                value = values.template(a.file(), "the file uploaded by " + which);
            } else if (action instanceof BrowserAction.Keypress a) {
                args.put("keys", a.keys());
            } else if (action instanceof BrowserAction.Scroll a) {
                args.put("direction", a.direction());
                args.put("pixels", a.pixels());
            } else if (action instanceof BrowserAction.Wait a) {
                args.put("seconds", a.seconds());
            } else if (action instanceof BrowserAction.GotoUrl a) {
                value = url(a.url(), values, which);
            } else if (action instanceof BrowserAction.NewTab a) {
                value = a.url() == null || a.url().isBlank() ? null : url(a.url(), values, which);
            } else if (action instanceof BrowserAction.SwitchTab a) {
                args.put("index", a.index());
            } else if (!(action instanceof BrowserAction.Click || action instanceof BrowserAction.Hover
                    || action instanceof BrowserAction.GoBack)) {
                throw new ScriptValues.Unrecordable(which + " is a " + describe(action) + ", which a script cannot replay");
            }
            actions.add(new ScriptAction(action.actionType(), element, value, args));
        }
        return actions;
    }

    /**
     * A URL the agent opened: a reference when a value holds it, else the URL (where the page sent it) with every
     * value it embeds replaced by its reference.
     */
    private static String url(String url, ScriptValues values, String which) {
        try {
            return values.template(url, "the URL opened by " + which);
        } catch (ScriptValues.Unrecordable e) {
            if (url.contains("{{") || url.contains("{%")) {
                throw e;
            }
            return values.embedded(url);
        }
    }

    private static boolean needsElement(BrowserAction action) {
        if (action instanceof BrowserAction.ElementAction) {
            return true;
        }
        if (action instanceof BrowserAction.Keypress k) {
            return k.target() != null;
        }
        return action instanceof BrowserAction.Scroll s && s.target() != null;
    }

    private static ElementIdentity identity(ActionRecord record, String which, RunSecrets secrets, ScriptValues values) {
        ElementIdentity found = record.result().element();
        if (found == null || found.locator().isEmpty()) {
            throw new ScriptValues.Unrecordable("the browser could not tell how to find the element of " + which + " again");
        }
        ElementIdentity identity = redacted(found, secrets);
        ElementLocator l = identity.locator();
        // a locator holding a value of this run would find nothing next time and store the value: it is left out
        java.util.function.UnaryOperator<String> keep = s -> values.holdsValue(s) ? "" : s;
        ElementLocator locator = new ElementLocator(keep.apply(l.id()), keep.apply(l.testId()), keep.apply(l.nameAttribute()),
                l.role(), keep.apply(l.name()), keep.apply(l.label()), keep.apply(l.placeholder()), keep.apply(l.css()),
                keep.apply(l.xpath()), l.framePath().stream().map(keep).toList());
        if (locator.isEmpty()) {
            throw new ScriptValues.Unrecordable("every way to find the element of " + which + " holds a value of this run");
        }
        return new ElementIdentity(locator, masked(identity.fingerprint(), values), identity.origin());
    }

    /** The fingerprint with this run's values in its texts replaced by their references. */
    static ElementFingerprint masked(ElementFingerprint f, ScriptValues values) {
        return new ElementFingerprint(f.tag(), f.role(), values.mask(f.name()), values.mask(f.label()), values.mask(f.nearbyText()),
                f.relativeX(), f.relativeY());
    }

    /** The identity with every text through the run's redaction: a page may show a secret next to a control. */
    static ElementIdentity redacted(ElementIdentity identity, RunSecrets secrets) {
        ElementLocator l = identity.locator();
        ElementLocator locator = new ElementLocator(secrets.redact(l.id()), secrets.redact(l.testId()),
                secrets.redact(l.nameAttribute()), l.role(), secrets.redact(l.name()), secrets.redact(l.label()),
                secrets.redact(l.placeholder()), secrets.redact(l.css()), l.xpath(), l.framePath().stream().map(secrets::redact).toList());
        return new ElementIdentity(locator, redacted(identity.fingerprint(), secrets), identity.origin());
    }

    static ElementFingerprint redacted(ElementFingerprint f, RunSecrets secrets) {
        return new ElementFingerprint(f.tag(), f.role(), secrets.redact(f.name()), secrets.redact(f.label()),
                secrets.redact(f.nearbyText()), f.relativeX(), f.relativeY());
    }

    private static String describe(BrowserAction action) {
        return action instanceof BrowserAction.PointerAction ? "computer-use action at a point of the screen"
                : action.actionType() + " action";
    }
}
