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
