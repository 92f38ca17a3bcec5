package dev.rover.samples.offline;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offline engine's phrasing corpus ({@code corpus.yaml} next to this class's resources): each
 * case an instruction, the local page it runs on, and the outcome the page must show afterwards.
 */
public final class PhrasingCorpus {

    /** Where the corpus and its pages live on the classpath. */
    static final String ROOT = "/dev/rover/samples/offline/";
    private static final Set<String> EXPECT_KEYS = Set.of("values", "checked", "unchecked", "focused", "result", "hidden", "shown",
            "open", "closed", "attr", "refuse");

    /** One corpus case. {@code expect} holds the page checks; {@code refuse} means the right outcome is a refusal. */
    public record Case(int number, String page, String goal, Map<String, Object> expect, boolean refuse) {
    }

    private PhrasingCorpus() {
    }

    /** Loads and checks the corpus; a malformed case is reported with its number. */
    public static List<Case> load() {
        Object root;
        try (InputStream in = PhrasingCorpus.class.getResourceAsStream(ROOT + "corpus.yaml")) {
            if (in == null) {
                throw new IllegalStateException("the phrasing corpus " + ROOT + "corpus.yaml is missing from the classpath");
            }
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the phrasing corpus: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("cases") instanceof List<?> list)) {
            throw new IllegalStateException("corpus.yaml must hold a 'cases' list");
        }
        List<Case> cases = new ArrayList<>();
        for (Object item : list) {
            int number = cases.size() + 1;
            if (!(item instanceof Map<?, ?> c) || !(c.get("page") instanceof String page) || !(c.get("goal") instanceof String goal)
                    || !(c.get("expect") instanceof Map<?, ?> expect)) {
                throw new IllegalStateException("corpus case " + number + " needs a page, a goal and an expect map: " + item);
            }
            Map<String, Object> checks = new LinkedHashMap<>();
            expect.forEach((k, v) -> checks.put(String.valueOf(k), v));
            for (String key : checks.keySet()) {
                if (!EXPECT_KEYS.contains(key)) {
                    throw new IllegalStateException("corpus case " + number + " (" + goal + "): unknown expect key '" + key
                            + "'; known: " + EXPECT_KEYS);
                }
            }
            if (PhrasingCorpus.class.getResource(ROOT + "pages/" + page) == null) {
                throw new IllegalStateException("corpus case " + number + " (" + goal + "): no page pages/" + page);
            }
            boolean refuse = Boolean.TRUE.equals(checks.remove("refuse"));
            if (!refuse && checks.isEmpty()) {
                throw new IllegalStateException("corpus case " + number + " (" + goal + ") expects nothing");
            }
            cases.add(new Case(number, page, goal, checks, refuse));
        }
        return cases;
    }

    /** The bytes of a corpus page (or its shared script), or null when there is none. */
    static byte[] resource(String name) {
        if (name.contains("..")) {
            return null;
        }
        try (InputStream in = PhrasingCorpus.class.getResourceAsStream(ROOT + "pages/" + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
