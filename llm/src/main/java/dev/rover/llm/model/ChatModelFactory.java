package dev.rover.llm.model;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.rover.llm.LlmConfig;

/**
 * Builds the LangChain4j chat model for a configured provider: JSON answers requested where the
 * provider supports it (OpenAI {@code json_object}, Ollama {@code format: json}), LangChain4j's own
 * retries off (Resilience4j retries instead), and an HTTP client that keeps status and Retry-After.
 */
public final class ChatModelFactory {

    /** What OpenAI-compatible servers that need no key are sent as the bearer token. */
    private static final String NO_KEY = "no-key";

    private final LlmConfig config;

    public ChatModelFactory(LlmConfig config) {
        this.config = config;
    }

    /** A chat model for this model name on the configured provider. */
    public ChatModel create(String modelName) {
        return switch (config.provider()) {
            case OPENAI, OPENAI_COMPATIBLE -> OpenAiChatModel.builder()
                    .baseUrl(config.baseUrl())
                    .apiKey(config.apiKey().orElse(NO_KEY))
                    .modelName(modelName)
                    .temperature(config.temperature())
                    .maxTokens(config.maxOutputTokens())
                    .responseFormat(ResponseFormat.JSON)
                    .timeout(config.timeout())
                    .maxRetries(0)
                    .httpClientBuilder(new StatusAwareHttpClientBuilder())
                    .build();
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .baseUrl(config.baseUrl())
                    .apiKey(config.apiKey().orElseThrow())
                    .modelName(modelName)
                    .temperature(config.temperature())
                    .maxTokens(config.maxOutputTokens())
                    .timeout(config.timeout())
                    .maxRetries(0)
                    .httpClientBuilder(new StatusAwareHttpClientBuilder())
                    .build();
            case OLLAMA -> OllamaChatModel.builder()
                    .baseUrl(config.baseUrl())
                    .modelName(modelName)
                    .temperature(config.temperature())
                    .numPredict(config.maxOutputTokens())
                    .responseFormat(ResponseFormat.JSON)
                    .timeout(config.timeout())
                    .maxRetries(0)
                    .httpClientBuilder(new StatusAwareHttpClientBuilder())
                    .build();
        };
    }
}
