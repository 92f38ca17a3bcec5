package dev.rover.blocks.runtime;

import dev.rover.core.engine.Engine;
import dev.rover.core.engine.RunScope;
import dev.rover.llm.EngineRegistry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engines of one run: created on first use per engine name and model, all sharing the run's usage
 * meter, prompt recorder and redactor, and closed with the run.
 */
final class RunEngines implements AutoCloseable {

    private final EngineRegistry registry;
    private final String defaultEngine;
    private final String defaultModel;
    private final RunScope scope;
    private final Map<String, Engine> engines = new LinkedHashMap<>();

    RunEngines(EngineRegistry registry, String defaultEngine, String defaultModel, RunScope scope) {
        this.registry = registry;
        this.defaultEngine = defaultEngine;
        this.defaultModel = defaultModel;
        this.scope = scope;
    }

    /** The engine of this name (null = the run's) calling this model (null = the run's, else the engine's own). */
    synchronized Engine select(String engineName, String model) {
        String name = engineName == null || engineName.isBlank() ? defaultEngine : engineName;
        String chosenModel = model == null || model.isBlank() ? defaultModel : model;
        String key = name + "\u0000" + (chosenModel == null ? "" : chosenModel);
        Engine engine = engines.get(key);
        if (engine == null) {
            Engine base = registry.create(name).forRun(scope);
            engine = chosenModel == null ? base : base.forModel(chosenModel);
            engines.put(key, engine);
        }
        return engine;
    }

    @Override
    public synchronized void close() {
        engines.values().forEach(Engine::close);
        engines.clear();
    }
}
