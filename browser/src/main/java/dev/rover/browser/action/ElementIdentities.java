package dev.rover.browser.action;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import dev.rover.core.page.LocatedElement;
import dev.rover.core.page.Target;
import dev.rover.core.script.ElementFingerprint;
import dev.rover.core.script.ElementIdentity;
import dev.rover.core.script.ElementLocator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Element identities for cached replay: what an action reads about its element so a script can find it again
 * (read in the same round trip that finds the element, see {@link FoundElement#FACTS}), and finding it again on
 * a replay by the recorded locator, in the frame the locator names. The page side is {@code replay/identity.js},
 * which names elements the same way the page observer does.
 */
public final class ElementIdentities {

    /** A JavaScript expression whose value has {@code identify(element)} and {@code locate(strategies, token)}. */
    static final String LIBRARY = "(" + load("replay/identity.js") + ")((" + load("observe/names.js") + ")(80))";

    /**
     * Finds the element and, in the same evaluation, reads the facts the action that follows decides by (as
     * {@link ElementFinder} would, scrolled into view), so the action needs no round trip of its own to find it.
     * Built on first use: {@link FoundElement#FACTS} depends on this class.
     */
    private static final class Locate {
        static final dev.rover.browser.DevToolsCalls.Script SCRIPT = dev.rover.browser.DevToolsCalls.Script.returningJson(
                "(args) => { const found = (" + LIBRARY + ").locate(args.strategies, args.token);"
                + " if (!found) return null;"
                + " const e = (" + ElementFinder.BY_ID + ")(args.token);"
                + " found.facts = e ? (" + FoundElement.FACTS + ")([e], {scroll: true, submit: true, identity: false}) : null;"
                + " return found; }");
    }

    private static final AtomicLong TOKENS = new AtomicLong();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ElementIdentities.class);

    private ElementIdentities() {
    }

    /** The identity of a found element from its facts, or null when the page could not tell. */
    static ElementIdentity of(FoundElement element) {
        if (element == null || !(element.facts().get("identity") instanceof Map<?, ?> identity)
                || !(identity.get("locator") instanceof Map<?, ?> l) || !(identity.get("fingerprint") instanceof Map<?, ?> f)) {
            return null;
        }
        ElementLocator locator = new ElementLocator(text(l, "id"), text(l, "testId"), text(l, "name"), text(l, "role"),
                text(l, "accessibleName"), text(l, "label"), text(l, "placeholder"), text(l, "css"), text(l, "xpath"),
                framePath(element.frame()));
        return new ElementIdentity(locator, fingerprint(f), text(identity, "origin"));
    }

    /**
     * Finds a recorded element again: the first strategy of the locator that matches exactly one element in the
     * frame the locator names wins, and the element gets a fresh {@code data-rover-id} for the action that follows,
     * which finds it without asking the page again (its facts were read with it).
     */
    public static Optional<LocatedElement> locate(Page page, ElementLocator locator) {
        List<List<String>> strategies = locator.strategies().stream().map(s -> List.of(s.kind(), s.value())).toList();
        String token = "rp" + Long.toString(System.nanoTime() & 0xffffff, 36) + "-" + TOKENS.incrementAndGet();
        for (Frame frame : framesOf(page, locator.framePath())) {
            try {
                Object found = dev.rover.browser.DevToolsCalls.evaluate(frame, Locate.SCRIPT,
                        Map.of("strategies", strategies, "token", token), Object.class);
                if (found instanceof Map<?, ?> m && m.get("fingerprint") instanceof Map<?, ?> f) {
                    if (m.get("facts") instanceof Map<?, ?> facts) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> read = (Map<String, Object>) facts;
                        ElementFinder.prefetched(token, new FoundElement(frame,
                                frame.locator("[" + ElementFinder.ID_ATTRIBUTE + "=\"" + token + "\"]").first(), token, "element " + token, read));
                    }
                    return Optional.of(new LocatedElement(Target.id(token), fingerprint(f), String.valueOf(m.get("strategy")),
                            text(m, "origin")));
                }
            } catch (PlaywrightException e) {
                // a frame that navigated away or is detached holds nothing to replay on
                log.debug("could not look for a recorded element in {}: {}", frame.url(), FailureReasons.firstLine(e));
            }
        }
        return Optional.empty();
    }

    /** The frames a frame path names: the top page for an empty path, else every frame whose name or URL is its last entry. */
    private static List<Frame> framesOf(Page page, List<String> path) {
        if (path.isEmpty()) {
            return List.of(page.mainFrame());
        }
        String wanted = path.get(path.size() - 1);
        return page.frames().stream().filter(f -> f != page.mainFrame() && (wanted.equals(f.name()) || wanted.equals(withoutQuery(f.url()))))
                .toList();
    }

    /** A frame URL without its query and fragment: one-time tokens there are neither stored nor expected again. */
    private static String withoutQuery(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', '#'}) {
            int at = url.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return url.substring(0, cut);
    }

    /** The frames from the top page down to this one, each by name, else by URL (no query); empty for the top page. */
    private static List<String> framePath(Frame frame) {
        List<String> path = new ArrayList<>();
        for (Frame f = frame; f != null && f.parentFrame() != null; f = f.parentFrame()) {
            path.add(0, f.name() == null || f.name().isBlank() ? withoutQuery(f.url()) : f.name());
        }
        return path;
    }

    private static ElementFingerprint fingerprint(Map<?, ?> f) {
        return new ElementFingerprint(text(f, "tag"), text(f, "role"), text(f, "name"), text(f, "label"), text(f, "nearby"),
                number(f.get("x")), number(f.get("y")));
    }

    private static String text(Map<?, ?> map, String key) {
        Object v = map.get(key);
        return v == null ? "" : String.valueOf(v);
    }

    private static double number(Object v) {
        return v instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : -1;
    }

    private static String load(String name) {
        String resource = "/dev/rover/browser/" + name;
        try (InputStream in = ElementIdentities.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("browser script " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read browser script " + resource, e);
        }
    }
}
