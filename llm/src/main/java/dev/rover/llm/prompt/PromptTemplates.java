package dev.rover.llm.prompt;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Renders the prompt templates kept as resources under {@code dev/rover/llm/prompts/}, so prompts
 * can be read and changed without touching code. Values are inserted as text, never re-evaluated.
 */
public final class PromptTemplates {

    private static final String ROOT = "/dev/rover/llm/prompts/";

    private final Jinjava jinjava = new Jinjava(JinjavaConfig.newBuilder()
            .withTrimBlocks(true)
            .withLstripBlocks(true)
            .withFailOnUnknownTokens(false)
            .build());
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /**
     * The named template rendered with these values.
     *
     * @throws IllegalStateException when the template is missing or does not render
     */
    public String render(String name, Map<String, ?> values) {
        String template = cache.computeIfAbsent(name, PromptTemplates::load);
        RenderResult result = jinjava.renderForResult(template, values);
        var fatal = result.getErrors().stream()
                .filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL)
                .toList();
        if (!fatal.isEmpty()) {
            throw new IllegalStateException("prompt template " + name + " does not render: "
                    + fatal.stream().map(e -> "line " + e.getLineno() + ": " + e.getMessage()).collect(Collectors.joining("; ")));
        }
        return result.getOutput().strip();
    }

    private static String load(String name) {
        try (InputStream in = PromptTemplates.class.getResourceAsStream(ROOT + name + ".jinja")) {
            if (in == null) {
                throw new IllegalStateException("prompt template " + ROOT + name + ".jinja is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt template " + ROOT + name + ".jinja", e);
        }
    }
}
