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

    static final String SOURCE = "(args) => (" + load("observer.js").strip() + ")(args, ("
            + load("content.js").strip() + "), (" + load("names.js").strip() + "))";

    /**
     * The window property the installed observer lives in: named per JVM, so a page cannot know it in
     * advance to plant a fake observer there, and not enumerable.
     */
    private static final String INSTALLED = "__rover_observe_" + Long.toHexString(new java.security.SecureRandom().nextLong());

    /** Calls the observer installed in this window, or returns null when there is none yet. */
    static final String CALL_INSTALLED = "(args) => { const f = window['" + INSTALLED + "'];"
            + " return typeof f === 'function' ? f(args) : null; }";

    /** Installs the observer in this window and calls it. */
    static final String INSTALL_AND_CALL = "(args) => { const f = " + SOURCE + ";"
            + " try { Object.defineProperty(window, '" + INSTALLED + "', {value: f, configurable: true}); } catch (e) {}"
            + " return f(args); }";

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
