package dev.rover.blocks.run;

import dev.rover.core.engine.Engine;

/** Picks the engine for a block: its {@code engine} field when set, the run's default otherwise. */
@FunctionalInterface
public interface EngineSelector {

    /**
     * The engine for this name (null = the default).
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    Engine select(String engineName);
}
