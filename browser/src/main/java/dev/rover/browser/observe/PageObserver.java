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
 * Turns a live page into a {@link PageSnapshot}: one evaluation of the observer script observes the main
 * frame and every same-origin frame inside it (reached through their iframes, in the page), and one more per
 * cross-origin frame (found by its iframe's {@code src}, without asking which iframe holds it), each kept
 * element tagged in the DOM with a {@code data-rover-id} the action executor finds it by. On a page larger than
 * the prompt, the top frame's controls the prompt cannot show are only {@linkplain Element#indexed() indexed}
 * (unless {@link ObserveOptions#everyElementInFull()}); the prompt is the same either way. Stateless and
 * thread-safe; the ids' counters live in the page's windows, so they stay stable while the DOM is unchanged.
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
            main = walk.evaluate(page.mainFrame(), true);
        } catch (PlaywrightException e) {
            throw new ObservationException("cannot observe page " + page.url() + ": " + e.getMessage(), e);
        }
        Viewport viewport = new Viewport(main.sx(), main.sy(), main.vw(), main.vh());
        walk.emit(new FrameRef(page.mainFrame()), main, 0, main.sx(), main.sy(), viewport);
        String prompt = new PromptRenderer(options.promptBudgetChars()).render(walk.lines);
        return new PageSnapshot(main.url(), main.title(), walk.elements, walk.content.build(), prompt,
                tabs(page, main.title()), takenAt);
    }

    private static List<Tab> tabs(Page page, String observedTitle) {
        List<Page> pages = page.context().pages();
        List<Tab> tabs = new ArrayList<>(pages.size());
        for (int i = 0; i < pages.size(); i++) {
            Page p = pages.get(i);
            tabs.add(new Tab(i, p.url(), p == page ? observedTitle : titleOf(p), p == page));
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

    private record ObservedFrame(FrameRef frame, RawFrame raw) {
    }

    /**
     * A frame's Playwright object, looked up only when needed: a frame observed inside its parent's evaluation
     * needs it only when it holds a cross-origin frame of its own.
     */
    private static final class FrameRef {
        private final FrameRef parent;
        private final RawFrame raw;
        private Frame frame;

        FrameRef(Frame frame) {
            this(null, null, frame);
        }

        FrameRef(FrameRef parent, RawFrame raw, Frame frame) {
            this.parent = parent;
            this.raw = raw;
            this.frame = frame;
        }

        /** The frame, or null when it cannot be told apart from its siblings any more (it navigated meanwhile). */
        Frame get() {
            if (frame == null && parent != null && parent.get() != null) {
                List<Frame> sameUrl = parent.get().childFrames().stream()
                        .filter(c -> !c.isDetached() && c.url().equals(raw.url())).toList();
                if (sameUrl.size() == 1) {
                    frame = sameUrl.get(0);
                } else {
                    frame = sameUrl.stream().filter(c -> raw.owner() != null && raw.owner().equals(ownerKey(c)))
                            .findFirst().orElse(null);
                }
            }
            return frame;
        }
    }

    private static String ownerKey(Frame child) {
        ElementHandle owner = child.frameElement();
        try {
            return owner.getAttribute(FRAME_ATTRIBUTE);
        } finally {
            owner.dispose();
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
        /** Frames observed inside their parent's evaluation, by the key of their iframe. */
        private final Map<String, RawFrame> observedInPage = new HashMap<>();
        /** The src of each visible iframe an evaluation could not enter, by the key of the iframe. */
        private final Map<String, String> unreachedSources = new HashMap<>();
        /** Frame indexes handed out so far; the main frame is 0. */
        private int frameCount = 1;

        Walk(ObserveOptions options) {
            this.options = options;
            this.content = new PageContentBuilder(options.visibleTextBudgetChars());
        }

        /**
         * Observes the frame and the same-origin frames inside it; returns the frame's own part. In the top frame,
         * unless every element is asked for in full, the controls the prompt cannot show are only indexed.
         */
        RawFrame evaluate(Frame frame, boolean top) {
            Map<String, Object> args = new HashMap<>();
            args.put("letter", nextFreeLetter());
            args.put("taken", List.copyOf(takenLetters));
            args.put("mask", Element.MASKED);
            args.put("maxText", options.maxElementTextChars());
            args.put("maxHref", options.maxHrefChars());
            args.put("textBudget", options.visibleTextBudgetChars());
            args.put("lineBudget", (int) Math.min(Integer.MAX_VALUE, 4L * options.promptBudgetChars()));
            args.put("frames", options.includeFrames());
            if (top && !options.everyElementInFull()) {
                args.put("detailBudget", options.promptBudgetChars());
                args.put("lineRules", ElementMarkup.SHORTEST_LINE_RULES);
            }
            String argsJson;
            try {
                argsJson = Json.mapper().writeValueAsString(args);
            } catch (JsonProcessingException e) {
                throw new ObservationException("cannot write the observer's arguments: " + e.getOriginalMessage(), e);
            }
            // The script is sent and compiled once per window; later observations call the installed copy,
            // through DevTools where it reaches the frame, else through Playwright.
            Object json = dev.rover.browser.DevToolsCalls.call(frame, ObserverScript.SCRIPT, argsJson).orElse(null);
            if (json == null) {
                json = frame.evaluate(ObserverScript.CALL_INSTALLED, argsJson);
            }
            if (json == null) {
                json = frame.evaluate(ObserverScript.INSTALL_AND_CALL, argsJson);
            }
            if (LOG.isDebugEnabled() && json instanceof String text) {
                LOG.debug("observed {}: {} KB of JSON", frame.url(), text.length() / 1024);
            }
            RawFrame.Tree tree;
            try {
                tree = Json.mapper().readValue((String) json, RawFrame.Tree.class);
            } catch (JsonProcessingException e) {
                throw new ObservationException("observer returned unreadable JSON for frame " + frame.url()
                        + ": " + e.getOriginalMessage(), e);
            }
            if (tree.frames().isEmpty()) {
                throw new ObservationException("observer returned no frame for " + frame.url(), null);
            }
            for (RawFrame raw : tree.frames()) {
                takenLetters.add(raw.letter());
            }
            for (RawFrame inner : tree.frames().subList(1, tree.frames().size())) {
                if (inner.owner() != null) {
                    observedInPage.put(inner.owner(), inner);
                }
            }
            unreachedSources.putAll(tree.srcs());
            return tree.frames().get(0);
        }

        /** Adds a frame's elements and lines, splicing each visible child frame in at its iframe. */
        void emit(FrameRef frame, RawFrame raw, int frameIndex, double originX, double originY, Viewport viewport) {
            content.add(raw);
            Map<String, ObservedFrame> children = new HashMap<>();
            Set<String> unreached = new HashSet<>();
            for (RawFrame.RawItem item : raw.items()) {
                if (item.f() == null || !options.includeFrames()) {
                    continue;
                }
                RawFrame inner = observedInPage.get(item.f());
                if (inner != null) {
                    children.put(item.f(), new ObservedFrame(new FrameRef(frame, inner, null), inner));
                } else {
                    unreached.add(item.f());
                }
            }
            if (!unreached.isEmpty() && frame.get() != null) {
                children.putAll(observeChildren(frame.get(), unreached));
            }
            for (RawFrame.RawItem item : raw.items()) {
                if (item.i() != null) {
                    Element element = toElement(raw.elements().get(item.i()), frameIndex, originX, originY, viewport);
                    elements.add(element);
                    lines.add(new PromptLine.Control(element));
                } else if (item.f() != null) {
                    ObservedFrame child = children.get(item.f());
                    if (child != null) {
                        int index = frameCount++;
                        lines.add(new PromptLine.FrameStart(index, child.raw().url()));
                        emit(child.frame(), child.raw(), index, originX + item.o().get(0), originY + item.o().get(1), viewport);
                        lines.add(new PromptLine.FrameEnd(index));
                    }
                } else if (item.x() != null) {
                    lines.add(item.h() != null ? new PromptLine.Heading(item.h(), item.x()) : new PromptLine.Text(item.x()));
                }
            }
        }

        /**
         * Observes the frames of visible iframes the parent's evaluation could not enter (cross-origin, sandboxed),
         * keyed by the iframe's data-rover-frame: the child frame whose URL is the iframe's {@code src} is that
         * iframe's; only a frame that navigated away from its {@code src} costs a lookup of its owner element.
         */
        private Map<String, ObservedFrame> observeChildren(Frame parent, Set<String> keys) {
            Map<String, ObservedFrame> byKey = new HashMap<>();
            List<Frame> unused = new ArrayList<>();
            for (Frame child : parent.childFrames()) {
                if (!child.isDetached()) {
                    unused.add(child);
                }
            }
            for (String key : keys) {
                String src = unreachedSources.get(key);
                List<Frame> matching = src == null || src.isEmpty() ? List.of()
                        : unused.stream().filter(f -> f.url().equals(src)).toList();
                if (matching.size() == 1) {
                    Frame child = matching.get(0);
                    unused.remove(child);
                    observeInto(byKey, key, child);
                }
            }
            for (Frame child : unused) {
                if (byKey.size() == keys.size()) {
                    // every visible iframe is observed: hidden ones (listed last, usually) cost nothing
                    break;
                }
                try {
                    RawFrame raw = evaluate(child, false);
                    String key = raw.owner() != null ? raw.owner() : ownerKey(child);
                    if (key != null && keys.contains(key) && !byKey.containsKey(key)) {
                        byKey.put(key, new ObservedFrame(new FrameRef(child), raw));
                    }
                } catch (PlaywrightException e) {
                    LOG.warn("skipping frame {}: it could not be observed: {}", child.url(), e.getMessage());
                }
            }
            return byKey;
        }

        private void observeInto(Map<String, ObservedFrame> byKey, String key, Frame child) {
            try {
                byKey.put(key, new ObservedFrame(new FrameRef(child), evaluate(child, false)));
            } catch (PlaywrightException e) {
                LOG.warn("skipping frame {}: it could not be observed: {}", child.url(), e.getMessage());
            }
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
                    options, frame, box, box != null && viewport.intersects(box), r.ctx(), r.ix());
        }

        private static ElementState state(int bits) {
            return bits == 0 ? ElementState.NONE : new ElementState((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0,
                    (bits & 8) != 0, (bits & 16) != 0, (bits & 32) != 0, (bits & 64) != 0);
        }

        private String nextFreeLetter() {
            for (int i = 0; ; i++) {
                String letter = i < 26 ? String.valueOf(LETTERS.charAt(i))
                        : "" + LETTERS.charAt((i / 26) % 26) + LETTERS.charAt(i % 26);
                if (!takenLetters.contains(letter)) {
                    return letter;
                }
            }
        }
    }
}
