package dev.rover.llm.cua;

import dev.rover.llm.EngineRegistry;

import java.util.Map;
import java.util.Objects;

/**
 * Puts the three computer-use engines into a registry: configured ones (in code, else from the
 * environment) as engines, the rest as known-but-unavailable names whose error says which variables to set.
 */
public final class ComputerUseEngines {

    private ComputerUseEngines() {
    }

    /**
     * Registers {@code anthropic_cua}, {@code openai_cua} and {@code ui_tars}.
     *
     * @param configured settings given in code, by kind; they win over the environment
     * @throws IllegalArgumentException when a configured engine's variables are malformed
     */
    public static EngineRegistry register(EngineRegistry registry, Map<String, String> env, Map<CuaKind, CuaSettings> configured) {
        Objects.requireNonNull(registry, "registry");
        for (CuaKind kind : CuaKind.values()) {
            CuaSettings settings = configured.get(kind);
            if (settings == null && CuaSettings.isConfigured(kind, env)) {
                settings = CuaSettings.fromEnvironment(kind, env);
            }
            if (settings == null) {
                registry.registerUnavailable(kind.engineName(), kind.notConfiguredMessage());
            } else {
                ComputerUseEngine engine = ComputerUseEngine.create(settings);
                // one engine per configuration shares the HTTP client and breaker; forRun gives each run its own conversation
                registry.register(kind.engineName(), () -> engine);
            }
        }
        return registry;
    }
}
