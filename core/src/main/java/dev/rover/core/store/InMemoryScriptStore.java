package dev.rover.core.store;

import dev.rover.core.script.BlockScript;
import dev.rover.core.script.ScriptAction;
import dev.rover.core.script.ScriptKey;
import dev.rover.core.script.ScriptStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ScriptStore} in memory, next to the {@link InMemoryRunStore}: for tests and short-lived embeddings
 * that replay within one process. Thread-safe; every method holds one lock.
 */
public final class InMemoryScriptStore implements ScriptStore {

    private final Clock clock;
    /** Revisions by script id, oldest first; ids in the order they were first stored. */
    private final Map<String, List<BlockScript>> scripts = new LinkedHashMap<>();

    /** A store stamping revisions with the UTC system clock. */
    public InMemoryScriptStore() {
        this(Clock.systemUTC());
    }

    /** A store stamping revisions with this clock. */
    public InMemoryScriptStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized BlockScript save(ScriptKey key, List<ScriptAction> actions, String sourceRunId) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(actions, "actions");
        Optional<BlockScript> latest = latest(key);
        BlockScript next = BlockScript.next(latest, key, actions, sourceRunId, clock);
        if (latest.isPresent() && next == latest.get()) {
            return next;
        }
        scripts.computeIfAbsent(next.scriptId(), id -> new ArrayList<>()).add(next);
        return next;
    }

    @Override
    public synchronized Optional<BlockScript> latest(ScriptKey key) {
        return scripts.values().stream().map(InMemoryScriptStore::newest).filter(s -> s.key().equals(key)).findFirst();
    }

    @Override
    public synchronized Optional<BlockScript> find(String scriptId) {
        return Optional.ofNullable(scripts.get(scriptId)).map(InMemoryScriptStore::newest);
    }

    @Override
    public synchronized List<BlockScript> revisions(String scriptId) {
        return List.copyOf(scripts.getOrDefault(scriptId, List.of()));
    }

    @Override
    public synchronized List<BlockScript> list() {
        return scripts.values().stream().map(InMemoryScriptStore::newest)
                .sorted(Comparator.comparing(BlockScript::createdAt).thenComparing(BlockScript::scriptId).reversed())
                .toList();
    }

    @Override
    public synchronized boolean delete(String scriptId) {
        return scripts.remove(scriptId) != null;
    }

    private static BlockScript newest(List<BlockScript> revisions) {
        return revisions.get(revisions.size() - 1);
    }
}
