package dev.rover.llm;

import dev.rover.core.engine.Engine;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Engines by name, as workflow files name them ({@code engine: skyvern-2.0}). Skyvern's engine
 * names map to the LLM engine; an unknown name is an error that lists the known ones.
 */
public final class EngineRegistry {

    /** Skyvern's engine names, all served by the LLM engine. */
    public static final java.util.List<String> SKYVERN_ALIASES = java.util.List.of("skyvern-1.0", "skyvern_v1", "skyvern-2.0", "skyvern_v2");

    private final Map<String, Supplier<Engine>> engines = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final Map<String, String> unavailable = new LinkedHashMap<>();

    /** A registry with the LLM engine under {@value LlmEngine#NAME} and Skyvern's names as aliases. */
    public static EngineRegistry defaults(LlmConfig config) {
        Objects.requireNonNull(config, "config");
        EngineRegistry registry = new EngineRegistry();
        registry.register(LlmEngine.NAME, () -> new LlmEngine(config));
        SKYVERN_ALIASES.forEach(alias -> registry.alias(alias, LlmEngine.NAME));
        return registry;
    }

    /** Registers (or replaces) an engine. */
    public synchronized EngineRegistry register(String name, Supplier<Engine> factory) {
        Objects.requireNonNull(factory, "factory");
        engines.put(normalise(name), factory);
        unavailable.remove(normalise(name));
        return this;
    }

    /**
     * Registers a name this installation knows but cannot run until configured: creating it fails with
     * {@code reason} (which names what to set), and {@link #whyUnavailable} lets a launcher refuse the run up front.
     */
    public synchronized EngineRegistry registerUnavailable(String name, String reason) {
        Objects.requireNonNull(reason, "reason");
        register(name, () -> {
            throw new IllegalArgumentException(reason);
        });
        unavailable.put(normalise(name), reason);
        return this;
    }

    /** Why the engine of this name (or alias) cannot run, when it is registered as unavailable. */
    public synchronized java.util.Optional<String> whyUnavailable(String name) {
        String key = normalise(name);
        return java.util.Optional.ofNullable(unavailable.get(aliases.getOrDefault(key, key)));
    }

    /** Makes {@code alias} another name for the engine {@code target}. */
    public synchronized EngineRegistry alias(String alias, String target) {
        aliases.put(normalise(alias), normalise(target));
        return this;
    }

    /**
     * A new engine of this name (or alias).
     *
     * @throws IllegalArgumentException naming the unknown engine and listing the known names
     */
    public synchronized Engine create(String name) {
        String key = normalise(name);
        String target = aliases.getOrDefault(key, key);
        Supplier<Engine> factory = engines.get(target);
        if (factory == null) {
            throw new IllegalArgumentException("unknown engine '" + name + "'; known engines: " + String.join(", ", names()));
        }
        return factory.get();
    }

    /** True when {@link #create} knows this name. */
    public synchronized boolean knows(String name) {
        String key = normalise(name);
        return engines.containsKey(aliases.getOrDefault(key, key));
    }

    /** Every name {@link #create} accepts, aliases included, sorted. */
    public synchronized SortedSet<String> names() {
        TreeSet<String> all = new TreeSet<>(engines.keySet());
        aliases.forEach((alias, target) -> {
            if (engines.containsKey(target)) {
                all.add(alias);
            }
        });
        return java.util.Collections.unmodifiableSortedSet(all);
    }

    private static String normalise(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an engine name cannot be blank");
        }
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
