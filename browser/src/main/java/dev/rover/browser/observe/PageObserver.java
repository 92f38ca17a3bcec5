package dev.rover.browser.observe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import dev.rover.core.json.Json;
import dev.rover.core.page.Box;
import dev.rover.core.page.Element;
import dev.rover.core.page.ElementState;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.page.SelectOption;
import dev.rover.core.page.Tab;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a live page into a {@link PageSnapshot}: one evaluation of the observer script per frame
 * (main frame, then same- and cross-origin iframes), each kept element tagged in the DOM with a
 * {@code data-rover-id} the action executor finds it by. Stateless and thread-safe; the ids'
 * counters live in the page's windows, so they stay stable while the DOM is unchanged.
 */
public final class PageObserver {

    /** The DOM attribute carrying an element's short id, searched across all frames by the action executor. */
    public static final String ID_ATTRIBUTE = "data-rover-id";

    private static final Logger LOG = LoggerFactory.getLogger(PageObserver.class);
    private static final String FRAME_ATTRIBUTE = "data-rover-frame";
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    /** Observes the page with {@link ObserveOptions#DEFAULTS}. */
    public PageSnapshot observe(Page page) {
        return observe(page, ObserveOptions.DEFAULTS);
    }

    /** Observes the page: elements, content, prompt text (within the options' budget) and tabs. */
    public PageSnapshot observe(Page page, ObserveOptions options) {
        Instant takenAt = Instant.now();
        Walk walk = new Walk(options);
        RawFrame main;
        try {
            main = walk.evaluate(page.mainFrame(), 0);
        } catch (PlaywrightException e) {
            throw new ObservationException("cannot observe page " + page.url() + ": " + e.getMessage(), e);
        }
        Viewport viewport = new Viewport(main.sx(), main.sy(), main.vw(), main.vh());
        walk.emit(page.mainFrame(), main, 0, main.sx(), main.sy(), viewport);
        String prompt = new PromptRenderer(options.promptBudgetChars()).render(walk.lines);
        return new PageSnapshot(main.url(), main.title(), walk.elements, walk.content.build(), prompt,
                tabs(page), takenAt);
    }

    private static List<Tab> tabs(Page page) {
        List<Page> pages = page.context().pages();
        List<Tab> tabs = new ArrayList<>(pages.size());
        for (int i = 0; i < pages.size(); i++) {
            Page p = pages.get(i);
            tabs.add(new Tab(i, p.url(), p == page ? null : titleOf(p), p == page));
        }
        return tabs;
    }

    private static String titleOf(Page p) {
        try {
            return p.title();
        } catch (PlaywrightException e) {
            LOG.debug("cannot read the title of tab {}: {}", p.url(), e.getMessage());
            return "";
        }
    }

    private record Viewport(double x, double y, double width, double height) {
        boolean intersects(Box b) {
            return b.x() < x + width && b.x() + b.width() > x && b.y() < y + height && b.y() + b.height() > y;
        }
    }

    /** The state of one observation: frames visited, letters taken, elements and prompt lines gathered. */
    private static final class Walk {
        private final ObserveOptions options;
        private final Set<String> takenLetters = new HashSet<>();
        private final List<Element> elements = new ArrayList<>();
        private final List<PromptLine> lines = new ArrayList<>();
        private final PageContentBuilder content;
        private int frameCount;

        Walk(ObserveOptions options) {
            this.options = options;
            this.content = new PageContentBuilder(options.visibleTextBudgetChars());
        }

        RawFrame evaluate(Frame frame, int frameIndex) {
            Map<String, Object> args = new HashMap<>();
            args.put("letter", letterFor(frameIndex));
            args.put("taken", List.copyOf(takenLetters));
            args.put("mask", Element.MASKED);
            args.put("maxText", options.maxElementTextChars());
            args.put("maxHref", options.maxHrefChars());
            args.put("textBudget", options.visibleTextBudgetChars());
            Object json = frame.evaluate(ObserverScript.SOURCE, args);
            try {
                RawFrame raw = Json.mapper().readValue((String) json, RawFrame.class);
                takenLetters.add(raw.letter());
                return raw;
            } catch (JsonProcessingException e) {
                throw new ObservationException("observer returned unreadable JSON for frame " + frame.url()
                        + ": " + e.getOriginalMessage(), e);
            }
        }

        /** Adds a frame's elements and lines, splicing each visible child frame in at its iframe. */
        void emit(Frame frame, RawFrame raw, int frameIndex, double originX, double originY, Viewport viewport) {
            frameCount = Math.max(frameCount, frameIndex + 1);
            content.add(raw);
            Map<String, Frame> children = options.includeFrames() ? childFramesByKey(frame) : Map.of();
            for (RawFrame.RawItem item : raw.items()) {
                if (item.i() != null) {
                    Element element = toElement(raw.elements().get(item.i()), frameIndex, originX, originY, viewport);
                    elements.add(element);
                    lines.add(new PromptLine.Control(element));
                } else if (item.f() != null) {
                    Frame child = children.get(item.f());
                    if (child != null) {
                        emitChild(child, originX + item.o().get(0), originY + item.o().get(1), viewport);
                    }
                } else if (item.x() != null) {
                    lines.add(item.h() != null ? new PromptLine.Heading(item.h(), item.x()) : new PromptLine.Text(item.x()));
                }
            }
        }

        private void emitChild(Frame child, double originX, double originY, Viewport viewport) {
            int index = frameCount++;
            RawFrame raw;
            try {
                raw = evaluate(child, index);
            } catch (PlaywrightException e) {
                LOG.warn("skipping frame {} ({}): it could not be observed: {}", index, child.url(), e.getMessage());
                return;
            }
            lines.add(new PromptLine.FrameStart(index, raw.url()));
            emit(child, raw, index, originX, originY, viewport);
            lines.add(new PromptLine.FrameEnd(index));
        }

        private static Map<String, Frame> childFramesByKey(Frame frame) {
            Map<String, Frame> byKey = new HashMap<>();
            for (Frame child : frame.childFrames()) {
                if (child.isDetached()) {
                    continue;
                }
                try {
                    ElementHandle owner = child.frameElement();
                    String key = owner.getAttribute(FRAME_ATTRIBUTE);
                    owner.dispose();
                    if (key != null) {
                        byKey.put(key, child);
                    }
                } catch (PlaywrightException e) {
                    LOG.debug("frame {} has no reachable owner element: {}", child.url(), e.getMessage());
                }
            }
            return byKey;
        }

        private static Element toElement(RawFrame.RawElement r, int frame, double originX, double originY, Viewport viewport) {
            Box box = null;
            if (r.box() != null && r.box().size() == 4) {
                box = new Box(originX + r.box().get(0), originY + r.box().get(1), r.box().get(2), r.box().get(3));
            }
            List<SelectOption> options = new ArrayList<>();
            if (r.opts() != null) {
                for (int i = 0; i < r.opts().size(); i++) {
                    RawFrame.RawOption o = r.opts().get(i);
                    options.add(new SelectOption(o.l(), o.v() == null ? o.l() : o.v(), i, o.s()));
                }
            }
            return new Element(r.id(), r.tag(), r.role(), r.name(), r.text(), r.attrs(), r.value(), state(r.st()),
                    options, frame, box, box != null && viewport.intersects(box), r.ctx());
        }

        private static ElementState state(int bits) {
            return bits == 0 ? ElementState.NONE : new ElementState((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0,
                    (bits & 8) != 0, (bits & 16) != 0, (bits & 32) != 0, (bits & 64) != 0);
        }

        private static String letterFor(int frameIndex) {
            return frameIndex < 26 ? String.valueOf(LETTERS.charAt(frameIndex))
                    : "" + LETTERS.charAt((frameIndex / 26) % 26) + LETTERS.charAt(frameIndex % 26);
        }
    }
}
