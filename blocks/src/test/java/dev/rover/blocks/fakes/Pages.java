package dev.rover.blocks.fakes;

import dev.rover.core.page.Element;
import dev.rover.core.page.PageContent;
import dev.rover.core.page.PageSnapshot;

import java.time.Instant;
import java.util.List;

/** Small synthetic pages for tests. */
public final class Pages {

    private Pages() {
    }

    /** A page with a button, an input and the given visible text. */
    public static PageSnapshot page(String url, String text) {
        List<Element> elements = List.of(
                Element.builder("a1", "input").name("Username").attribute("type", "text").build(),
                Element.builder("a2", "input").name("Password").attribute("type", "password").build(),
                Element.builder("a3", "button").text("Continue").build());
        return new PageSnapshot(url, text, elements, new PageContent(text, List.of(), List.of(), List.of()),
                "<page url=\"" + url + "\">" + text + "</page>", List.of(), Instant.now());
    }
}
