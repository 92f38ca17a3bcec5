package dev.rover.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The model providers Rover talks to, by the wire protocol they speak. */
public enum Provider {
    /** OpenAI's chat-completions API. */
    OPENAI("openai", "https://api.openai.com/v1", "gpt-4o"),
    /** Any server speaking OpenAI's chat-completions protocol (vLLM, LM Studio, llama.cpp, Ollama's /v1). */
    OPENAI_COMPATIBLE("openai-compatible", null, null),
    /** Anthropic's messages API. */
    ANTHROPIC("anthropic", "https://api.anthropic.com/v1", "claude-sonnet-4-5"),
    /** Ollama's native /api/chat. */
    OLLAMA("ollama", "http://localhost:11434", null);

    private final String id;
    private final String defaultBaseUrl;
    private final String defaultModel;

    Provider(String id, String defaultBaseUrl, String defaultModel) {
        this.id = id;
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultModel = defaultModel;
    }

    /** The name used in configuration ({@code ROVER_LLM_PROVIDER}). */
    public String id() {
        return id;
    }

    /** The base URL used when none is configured, or null when one must be given. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** The model used when none is configured, or null when one must be given. */
    public String defaultModel() {
        return defaultModel;
    }

    /**
     * The provider with this configuration name.
     *
     * @throws IllegalArgumentException listing the known names
     */
    public static Provider fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(p -> p.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown LLM provider '" + id + "'; known providers: "
                        + Arrays.stream(values()).map(Provider::id).collect(Collectors.joining(", "))));
    }
}
