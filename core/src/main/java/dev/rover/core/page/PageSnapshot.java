package dev.rover.core.page;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the browser saw at one moment and all an engine gets to decide from: the interactable
 * elements with their short ids, the page's readable content, the prompt rendering of both, and
 * the open tabs. Produced by the browser module, consumed by engines; neither knows the other.
 *
 * @param url        the page URL
 * @param title      the document title
 * @param elements   interactable elements in document order (frames after their iframe)
 * @param content    headings, tables, label/value pairs and visible text
 * @param promptText the compact HTML-like rendering given to a language model, within its size budget
 * @param tabs       open tabs of the browser context
 * @param takenAt    when the observation was made
 */
public record PageSnapshot(
        String url,
        String title,
        List<Element> elements,
        PageContent content,
        String promptText,
        List<Tab> tabs,
        Instant takenAt) {

    public PageSnapshot {
        url = url == null ? "" : url;
        title = title == null ? "" : title;
        elements = elements == null ? List.of() : List.copyOf(elements);
        content = content == null ? PageContent.EMPTY : content;
        promptText = promptText == null ? "" : promptText;
        tabs = tabs == null ? List.of() : List.copyOf(tabs);
        takenAt = takenAt == null ? Instant.now() : takenAt;
    }

    /** The element with this short id, if the snapshot has it. */
    public Optional<Element> element(String id) {
        Objects.requireNonNull(id, "id");
        return elements.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** A snapshot of a page with these elements and nothing else; for tests and synthetic pages. */
    public static PageSnapshot of(String url, String title, List<Element> elements, PageContent content) {
        return new PageSnapshot(url, title, elements, content, "", List.of(), Instant.now());
    }
}
