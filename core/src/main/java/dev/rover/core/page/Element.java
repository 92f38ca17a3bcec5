package dev.rover.core.page;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One interactable element the observer kept on a page, as the engine sees it and as an action
 * finds it again (through {@link #id()}, a short id written into the DOM).
 *
 * @param id         short id unique within one snapshot (for example {@code "a3"}), stable while the DOM is unchanged
 * @param tag        lower-case tag name ({@code input}, {@code button}, {@code a}, ...)
 * @param role       ARIA role, explicit or implied by the tag; empty when none
 * @param name       accessible name: label text, {@code aria-label}, {@code aria-labelledby}, placeholder, title or alt
 * @param text       the element's own visible text, trimmed and shortened
 * @param attributes whitelisted attributes (type, name, placeholder, href, aria-*, ...)
 * @param value      current value; masked ({@value #MASKED}) for passwords and secret-marked fields
 * @param state      checked / selected / disabled / readonly / required / expanded flags
 * @param options    the options of a select or listbox, empty otherwise
 * @param frame      index of the frame the element lives in (0 = main frame)
 * @param box        bounding box in page coordinates, null when not rendered
 * @param inViewport whether any part is inside the viewport
 * @param context    nearby text that gives the element meaning (heading, table header, fieldset legend)
 * @param indexed    true when the observer only indexed the element (id, tag, role, name, state, box): it lies beyond
 *                   what the prompt can show, so its text, attributes, value, options and context were not read; an
 *                   observation that asks for every element in full ({@link RunBrowser#observe(boolean)}) reads them
 */
public record Element(
        String id,
        String tag,
        String role,
        String name,
        String text,
        Map<String, String> attributes,
        String value,
        ElementState state,
        List<SelectOption> options,
        int frame,
        Box box,
        boolean inViewport,
        String context,
        boolean indexed) {

    /** An element read in full. */
    public Element(String id, String tag, String role, String name, String text, Map<String, String> attributes, String value,
                   ElementState state, List<SelectOption> options, int frame, Box box, boolean inViewport, String context) {
        this(id, tag, role, name, text, attributes, value, state, options, frame, box, inViewport, context, false);
    }

    /** What a masked value reads as. */
    public static final String MASKED = "********";

    public Element {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tag, "tag");
        role = role == null ? "" : role;
        name = name == null ? "" : name;
        text = text == null ? "" : text;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        value = value == null ? "" : value;
        state = state == null ? ElementState.NONE : state;
        options = options == null ? List.of() : List.copyOf(options);
        context = context == null ? "" : context;
    }

    /** An attribute's value, or empty. */
    public String attribute(String attributeName) {
        return attributes.getOrDefault(attributeName, "");
    }

    /** The {@code type} attribute, lower-cased; empty when absent. */
    public String type() {
        return attribute("type").toLowerCase(java.util.Locale.ROOT);
    }

    /** A builder, handy for tests and for engines that synthesise snapshots. */
    public static Builder builder(String id, String tag) {
        return new Builder(id, tag);
    }

    /** Builds an {@link Element}; every field but id and tag is optional. */
    public static final class Builder {
        private final String id;
        private final String tag;
        private String role = "";
        private String name = "";
        private String text = "";
        private final java.util.LinkedHashMap<String, String> attributes = new java.util.LinkedHashMap<>();
        private String value = "";
        private ElementState state = ElementState.NONE;
        private List<SelectOption> options = List.of();
        private int frame;
        private Box box;
        private boolean inViewport = true;
        private String context = "";
        private boolean indexed;

        private Builder(String id, String tag) {
            this.id = id;
            this.tag = tag;
        }

        public Builder role(String v) { this.role = v; return this; }
        public Builder name(String v) { this.name = v; return this; }
        public Builder text(String v) { this.text = v; return this; }
        public Builder attribute(String k, String v) { this.attributes.put(k, v); return this; }
        public Builder value(String v) { this.value = v; return this; }
        public Builder state(ElementState v) { this.state = v; return this; }
        public Builder options(List<SelectOption> v) { this.options = v; return this; }
        public Builder frame(int v) { this.frame = v; return this; }
        public Builder box(Box v) { this.box = v; return this; }
        public Builder inViewport(boolean v) { this.inViewport = v; return this; }
        public Builder context(String v) { this.context = v; return this; }
        public Builder indexed(boolean v) { this.indexed = v; return this; }

        public Element build() {
            return new Element(id, tag, role, name, text, attributes, value, state, options, frame, box, inViewport, context, indexed);
        }
    }
}
