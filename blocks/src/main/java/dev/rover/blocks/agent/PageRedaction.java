package dev.rover.blocks.agent;

import dev.rover.core.exec.RunSecrets;
import dev.rover.core.page.Element;
import dev.rover.core.page.PageContent;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.page.SelectOption;
import dev.rover.core.page.Tab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scrubs secret values out of a page before an engine sees it or an artifact records it: a page
 * may show what was typed (a username echoed back, an API key on a settings page), and the
 * engine must only ever see placeholders.
 */
public final class PageRedaction {

    private PageRedaction() {
    }

    /** The page with every secret value replaced by its placeholder. */
    public static PageSnapshot redact(PageSnapshot page, RunSecrets secrets) {
        return new PageSnapshot(secrets.redact(page.url()), secrets.redact(page.title()),
                page.elements().stream().map(e -> element(e, secrets)).toList(), content(page.content(), secrets),
                secrets.redact(page.promptText()),
                page.tabs().stream().map(t -> new Tab(t.index(), redact(t.url(), secrets), redact(t.title(), secrets), t.active())).toList(),
                page.takenAt());
    }

    private static Element element(Element e, RunSecrets secrets) {
        Map<String, String> attributes = new LinkedHashMap<>();
        e.attributes().forEach((k, v) -> attributes.put(k, secrets.redact(v)));
        List<SelectOption> options = e.options().stream()
                .map(o -> new SelectOption(redact(o.label(), secrets), redact(o.value(), secrets), o.index(), o.selected()))
                .toList();
        return new Element(e.id(), e.tag(), e.role(), secrets.redact(e.name()), secrets.redact(e.text()), attributes,
                secrets.redact(e.value()), e.state(), options, e.frame(), e.box(), e.inViewport(), secrets.redact(e.context()), e.indexed());
    }

    private static PageContent content(PageContent c, RunSecrets secrets) {
        return new PageContent(secrets.redact(c.visibleText()),
                c.headings().stream().map(h -> new PageContent.Heading(h.level(), redact(h.text(), secrets))).toList(),
                c.tables().stream().map(t -> new PageContent.Table(secrets.redact(t.caption()),
                        t.headers().stream().map(secrets::redact).toList(),
                        t.rows().stream().map(row -> row.stream().map(cell -> redact(cell, secrets)).toList()).toList())).toList(),
                c.labeledValues().stream().map(l -> new PageContent.LabeledValue(redact(l.label(), secrets), redact(l.value(), secrets)))
                        .toList());
    }

    private static String redact(String text, RunSecrets secrets) {
        return text == null ? null : secrets.redact(text);
    }
}
