package dev.rover.llm.model;

import java.util.List;
import java.util.Locale;

/**
 * What we know a model cannot do, so screenshots are not sent to text-only models even when
 * vision is switched on (they would reject the request or waste tokens).
 */
public final class ModelCapabilities {

    private static final List<String> TEXT_ONLY_PREFIXES = List.of(
            "gpt-3.5", "o1-mini", "o3-mini", "claude-2", "claude-instant", "deepseek-r1", "deepseek-chat",
            "mistral", "mixtral", "codellama", "qwen2.5-coder");

    private ModelCapabilities() {
    }

    /** False for models known to accept text only; true otherwise (vision is the user's call). */
    public static boolean acceptsImages(String modelName) {
        String name = modelName.toLowerCase(Locale.ROOT);
        int slash = name.lastIndexOf('/');
        String bare = slash >= 0 ? name.substring(slash + 1) : name;
        return TEXT_ONLY_PREFIXES.stream().noneMatch(bare::startsWith);
    }
}
