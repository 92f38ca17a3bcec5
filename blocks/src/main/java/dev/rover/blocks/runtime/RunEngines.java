package dev.rover.blocks.runtime;

import dev.rover.blocks.run.EngineSelector;
import dev.rover.core.engine.Engine;
import dev.rover.llm.EngineRegistry;
import dev.rover.core.engine.RunScope;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engines of one run: created on first use per name, all sharing the run's usage meter, prompt
 * recorder and redactor, and closed with the run.
 */
public final class RunEngines implements EngineSelector, AutoCloseable {

    private final EngineRegistry registry;
    private final String defaultEngine;
    private final RunScope scope;
    private final Map<String, Engine> engines = new LinkedHashMap<>();

    public RunEngines(EngineRegistry registry, String defaultEngine, RunScope scope) {
        this.registry = registry;
        this.defaultEngine = defaultEngine;
        this.scope = scope;
    }

    @Override
    public synchronized Engine select(String engineName) {
        String name = engineName == null || engineName.isBlank() ? defaultEngine : engineName;
        Engine engine = engines.get(name);
        if (engine == null) {
            engine = registry.create(name).forRun(scope);
            engines.put(name, engine);
        }
        return engine;
    }

    @Override
    public synchronized void close() {
        engines.values().forEach(Engine::close);
        engines.clear();
    }
}
