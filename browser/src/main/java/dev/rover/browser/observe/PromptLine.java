package dev.rover.browser.observe;

import dev.rover.core.page.Element;

import java.util.Objects;

/**
 * One line of the page as the prompt shows it, in document order: a run of text, a heading, a kept
 * element, or the start or end of a frame. {@link PromptRenderer} turns a list of them into text.
 */
public sealed interface PromptLine {

    /** Plain visible text between elements. */
    record Text(String text) implements PromptLine {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A heading, rendered as {@code # Title} with one {@code #} per level. */
    record Heading(int level, String text) implements PromptLine {
        public Heading {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An interactable element the engine can act on. */
    record Control(Element element) implements PromptLine {
        public Control {
            Objects.requireNonNull(element, "element");
        }
    }

    /** Where a child frame's content begins; its elements carry {@code frame} as their frame index. */
    record FrameStart(int frame, String url) implements PromptLine {
        public FrameStart {
            url = url == null ? "" : url;
        }
    }

    /** Where a child frame's content ends. */
    record FrameEnd(int frame) implements PromptLine {
    }
}
