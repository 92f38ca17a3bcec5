package dev.rover.browser.observe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The observer's JavaScript, read once from the classpath; it is evaluated in every frame of every observation. */
final class ObserverScript {

    static final String RESOURCE = "/dev/rover/browser/observe/observer.js";
    static final String SOURCE = load();

    private ObserverScript() {
    }

    private static String load() {
        try (InputStream in = ObserverScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("observer script " + RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read observer script " + RESOURCE, e);
        }
    }
}
