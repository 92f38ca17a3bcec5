package dev.rover.samples.demo;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Renders the demo portal's pages: Jinja templates from this package's resources inside a shared layout. */
final class DemoPages {

    /** Nested interpretation off: a value such as a submitted name is printed, never evaluated as a template. */
    private final Jinjava jinjava = new Jinjava(JinjavaConfig.newBuilder().withNestedInterpretationEnabled(false).build());
    private final Map<String, String> templates = new ConcurrentHashMap<>();

    /** A full page: the layout around the named template, rendered with the values. */
    String page(String template, String title, boolean loggedIn, Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.put("title", title);
        all.put("logged_in", loggedIn);
        all.put("body", jinjava.render(template(template + ".html"), all));
        return jinjava.render(template("layout.html"), all);
    }

    /** A resource file's text (the stylesheet). */
    String resource(String name) {
        return template(name);
    }

    private String template(String name) {
        return templates.computeIfAbsent(name, n -> {
            try (InputStream in = DemoPages.class.getResourceAsStream(n)) {
                if (in == null) {
                    throw new IllegalStateException("demo template " + n + " is missing from the jar");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
