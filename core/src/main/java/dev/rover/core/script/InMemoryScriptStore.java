package dev.rover.core.script;

import dev.rover.core.run.SortableId;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link ScriptStore} in memory, for runs kept in memory: scripts last as long as the process. */
public final class InMemoryScriptStore implements ScriptStore {

    private final Map<String, List<BlockScript>> byId = new LinkedHashMap<>();
    private final Clock clock;

    public InMemoryScriptStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized BlockScript save(ScriptKey key, List<ScriptAction> actions, String sourceRunId) {
        Optional<BlockScript> latest = latest(key);
        if (latest.isPresent() && latest.get().actions().equals(actions)) {
            return latest.get();
        }
        String id = latest.map(BlockScript::scriptId).orElseGet(() -> SortableId.next("scr_", clock));
        BlockScript next = new BlockScript(id, key, latest.map(s -> s.revision() + 1).orElse(1), actions, sourceRunId, clock.instant());
        byId.computeIfAbsent(id, k -> new ArrayList<>()).add(next);
        return next;
    }

    @Override
    public synchronized Optional<BlockScript> latest(ScriptKey key) {
        return byId.values().stream().map(l -> l.get(l.size() - 1)).filter(s -> s.key().equals(key)).findFirst();
    }

    @Override
    public synchronized Optional<BlockScript> find(String scriptId) {
        List<BlockScript> all = byId.get(scriptId);
        return all == null ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    @Override
    public synchronized List<BlockScript> revisions(String scriptId) {
        return List.copyOf(byId.getOrDefault(scriptId, List.of()));
    }

    @Override
    public synchronized List<BlockScript> list() {
        return byId.values().stream().map(l -> l.get(l.size() - 1))
                .sorted(Comparator.comparing(BlockScript::createdAt).reversed()).toList();
    }

    @Override
    public synchronized boolean delete(String scriptId) {
        return byId.remove(scriptId) != null;
    }
}
