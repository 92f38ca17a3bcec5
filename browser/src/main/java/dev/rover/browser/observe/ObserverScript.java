package dev.rover.browser.observe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The observer's JavaScript, read once from the classpath and joined into one function so that a
 * single evaluation per frame does the whole observation: observer.js walks the DOM, names.js
 * computes accessible names, content.js reads tables and label/value pairs.
 */
final class ObserverScript {

    private static final String ROOT = "/dev/rover/browser/observe/";

    /**
     * The observer of one window {@code W}: the scripts see {@code W}'s window, document, location and styles
     * under the global names they use, so a same-origin child window is observed by the same code.
     */
    private static final String OBSERVE_WINDOW = "(args, W) => { const window = W, document = W.document,"
            + " location = W.location, getComputedStyle = (e, p) => W.getComputedStyle(e, p);"
            + " return (" + load("observer.js").strip() + ")(args, (" + load("content.js").strip() + "), ("
            + load("names.js").strip() + ")); }";

    /**
     * Observes this window and, in the same evaluation, every same-origin frame shown by a visible iframe, depth
     * first, each with a frame letter no other frame of the observation has. Returns
     * {@code {"frames": [<frame JSON>, ...], "srcs": {<iframe key>: <its src>}}}: the frames observed (this window
     * first; the others name their iframe as their owner), and for each visible iframe whose document this window
     * cannot reach (cross-origin or sandboxed) its {@code src}, so the caller finds that frame without asking.
     */
    static final String SOURCE = "(args) => { const observe = " + OBSERVE_WINDOW + ";"
            + " const letters = 'abcdefghijklmnopqrstuvwxyz';"
            + " const taken = new Set(args.taken); const frames = []; const srcs = {};"
            + " const free = () => { for (let i = 0; ; i++) { const l = i < 26 ? letters[i]"
            + " : letters[Math.floor(i / 26) % 26] + letters[i % 26]; if (!taken.has(l)) return l; } };"
            + " const walk = (W, first) => { const a = Object.assign({}, args, {taken: Array.from(taken),"
            + " letter: first ? args.letter : free(), frameElements: args.frames ? [] : null,"
            + " detailBudget: first ? args.detailBudget : 0});"
            + " frames.push(observe(a, W)); taken.add(W.__roverLetter);"
            + " for (const [key, el] of (a.frameElements || [])) { let child = null;"
            + " try { child = el.contentWindow; if (!child || !child.document) child = null; } catch (e) { child = null; }"
            + " if (child) walk(child, false); else srcs[key] = el.src || ''; } };"
            + " walk(window, true);"
            + " return '{\"frames\":[' + frames.join(',') + '],\"srcs\":' + JSON.stringify(srcs) + '}'; }";

    /**
     * The window property the installed observer lives in: named per JVM, so a page cannot know it in
     * advance to plant a fake observer there, and not enumerable.
     */
    private static final String INSTALLED = "__rover_observe_" + Long.toHexString(new java.security.SecureRandom().nextLong());

    /**
     * Calls the observer installed in this window with the arguments as JSON text (one string crosses the
     * protocol faster than a structured argument), or returns null when there is none yet.
     */
    static final String CALL_INSTALLED = "(argsJson) => { const f = window['" + INSTALLED + "'];"
            + " return typeof f === 'function' ? f(JSON.parse(argsJson)) : null; }";

    /** The observer as a script {@link dev.rover.browser.DevToolsCalls} installs under the same property. */
    static final dev.rover.browser.DevToolsCalls.Script SCRIPT = new dev.rover.browser.DevToolsCalls.Script(SOURCE, INSTALLED);

    /** Installs the observer in this window and calls it with the arguments as JSON text. */
    static final String INSTALL_AND_CALL = "(argsJson) => { const f = " + SOURCE + ";"
            + " try { Object.defineProperty(window, '" + INSTALLED + "', {value: f, configurable: true}); } catch (e) {}"
            + " return f(JSON.parse(argsJson)); }";

    private ObserverScript() {
    }

    private static String load(String name) {
        String resource = ROOT + name;
        try (InputStream in = ObserverScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("observer script " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read observer script " + resource, e);
        }
    }
}
