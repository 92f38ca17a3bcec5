package dev.rover.browser.observe;

import dev.rover.core.page.Element;
import dev.rover.core.page.ElementState;
import dev.rover.core.page.SelectOption;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes one prompt line as HTML-like markup, in a full or a shortened form (shorter texts, hrefs and option lists). */
final class ElementMarkup {

    private static final int SHORT_TEXT = 40;
    private static final int SHORT_HREF = 40;
    private static final int FULL_OPTIONS = 50;
    private static final int SHORT_OPTIONS = 8;
    private static final Set<String> VOID_TAGS = Set.of("input", "img", "area");
    /** Attributes rendered from the element's state or value rather than copied. */
    private static final Set<String> FROM_STATE = Set.of("value", "checked", "selected", "disabled", "required",
            "aria-checked", "aria-selected", "aria-disabled", "aria-required", "aria-expanded", "aria-readonly",
            "aria-hidden", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "type", "name",
            "placeholder", "role", "href", "for");
    private static final Set<String> NAME_SOURCES = Set.of("aria-label", "placeholder", "title", "alt");

    private ElementMarkup() {
    }

    /**
     * What the observer needs to count a control's shortest prompt line in the page (observer.js, shortestLine),
     * so that it never counts a line shorter than this class writes it.
     */
    static final Map<String, Object> SHORTEST_LINE_RULES = Map.of("shortText", SHORT_TEXT, "shortHref", SHORT_HREF,
            "voidTags", List.copyOf(VOID_TAGS), "fromState", List.copyOf(FROM_STATE), "nameSources", List.copyOf(NAME_SOURCES));

    static String line(PromptLine line, boolean shortened) {
        if (line instanceof PromptLine.Control control) {
            return element(control.element(), shortened);
        } else if (line instanceof PromptLine.Text text) {
            return escapeText(text.text());
        } else if (line instanceof PromptLine.Heading heading) {
            return "#".repeat(Math.max(1, Math.min(6, heading.level()))) + " " + escapeText(heading.text());
        } else if (line instanceof PromptLine.FrameStart start) {
            return "<iframe frame=\"" + start.frame() + "\" src=\"" + escapeAttr(cut(start.url(), SHORT_HREF * 2)) + "\">";
        } else if (line instanceof PromptLine.FrameEnd) {
            return "</iframe>";
        }
        throw new IllegalArgumentException("unknown prompt line " + line.getClass().getName());
    }

    static String element(Element e, boolean shortened) {
        StringBuilder out = new StringBuilder(64);
        out.append('<').append(e.tag()).append(" id=\"").append(e.id()).append('"');
        String explicitRole = e.attribute("role");
        attr(out, "role", explicitRole);
        if (e.tag().equals("input")) {
            attr(out, "type", e.attribute("type"));
        }
        attr(out, "name", e.attribute("name"));
        String text = e.text();
        if (!e.name().isEmpty() && !e.name().equals(text) && !isNameSource(e)) {
            attr(out, "label", shortened ? cut(e.name(), SHORT_TEXT) : e.name());
        }
        attr(out, "placeholder", e.attribute("placeholder"));
        String href = e.attribute("href");
        attr(out, "href", shortened ? cut(href, SHORT_HREF) : href);
        for (Map.Entry<String, String> a : e.attributes().entrySet()) {
            if (!FROM_STATE.contains(a.getKey())) {
                attr(out, a.getKey(), shortened ? cut(a.getValue(), SHORT_TEXT) : a.getValue());
            }
        }
        String type = e.type();
        boolean choice = type.equals("checkbox") || type.equals("radio");
        boolean isVoid = VOID_TAGS.contains(e.tag());
        String value = isVoid && e.value().isEmpty() ? text : e.value();
        if (!value.isEmpty() && !e.tag().equals("select") && !(choice && value.equals("on"))
                && (isVoid || !value.equals(text))) {
            attr(out, "value", shortened ? cut(value, SHORT_TEXT) : value);
        }
        flags(out, e.state(), e.tag(), type);
        out.append('>');
        if (e.tag().equals("select")) {
            options(out, e.options(), shortened ? SHORT_OPTIONS : FULL_OPTIONS);
        } else if (!isVoid) {
            out.append(escapeText(shortened ? cut(text, SHORT_TEXT) : text));
        }
        if (!isVoid) {
            out.append("</").append(e.tag()).append('>');
        }
        return out.toString();
    }

    private static boolean isNameSource(Element e) {
        for (String source : NAME_SOURCES) {
            if (e.name().equals(e.attribute(source))) {
                return true;
            }
        }
        return false;
    }

    private static void flags(StringBuilder out, ElementState s, String tag, String type) {
        if (s.checked()) out.append(" checked");
        if (s.selected()) out.append(" selected");
        if (s.disabled()) out.append(" disabled");
        if (s.readonly()) out.append(" readonly");
        if (s.required()) out.append(" required");
        if (s.expanded()) out.append(" expanded");
        if (s.editable() && !tag.equals("input") && !tag.equals("textarea")) out.append(" contenteditable");
    }

    private static void options(StringBuilder out, List<SelectOption> options, int max) {
        int shown = Math.min(options.size(), max);
        for (int i = 0; i < shown; i++) {
            SelectOption o = options.get(i);
            out.append("<option");
            if (!o.value().equals(o.label())) {
                attr(out, "value", o.value());
            }
            if (o.selected()) {
                out.append(" selected");
            }
            out.append('>').append(escapeText(o.label())).append("</option>");
        }
        if (options.size() > shown) {
            out.append("<option>(").append(options.size() - shown).append(" more)</option>");
        }
    }

    private static void attr(StringBuilder out, String name, String value) {
        if (value != null && !value.isEmpty()) {
            out.append(' ').append(name).append("=\"").append(escapeAttr(value)).append('"');
        }
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    private static String escapeAttr(String s) {
        return s.replace("\"", "&quot;").replace('\n', ' ');
    }

    private static String escapeText(String s) {
        return s.replace("<", "&lt;");
    }
}
