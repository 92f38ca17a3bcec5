package dev.rover.core.script;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One revision of the script of a block: the actions the agent took when the block last had to be run by
 * it, replayed by later runs with {@code run_with: code}.
 *
 * @param scriptId    {@code scr_...}, the same for every revision under one {@link ScriptKey}
 * @param key         what the script is cached under
 * @param revision    1 for the first recording, one more for every recording after a fallback
 * @param actions     the actions in order
 * @param sourceRunId the run whose agent recorded this revision
 * @param createdAt   when this revision was stored
 */
public record BlockScript(String scriptId, ScriptKey key, int revision, List<ScriptAction> actions, String sourceRunId,
                          Instant createdAt) {

    public BlockScript {
        Objects.requireNonNull(scriptId, "scriptId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(createdAt, "createdAt");
        actions = List.copyOf(actions);
        if (revision < 1) {
            throw new IllegalArgumentException("a script revision starts at 1, got " + revision);
        }
    }

    /**
     * What storing {@code actions} under a key whose newest revision is {@code latest} means: that revision when the
     * actions are the same, else the next one (revision 1 of a new {@code scr_...} when there is none). The one rule
     * both stores follow.
     */
    public static BlockScript next(java.util.Optional<BlockScript> latest, ScriptKey key, List<ScriptAction> actions,
                                   String sourceRunId, java.time.Clock clock) {
        if (latest.isPresent() && ScriptDocuments.sameActions(latest.get().actions(), actions)) {
            return latest.get();
        }
        return new BlockScript(latest.map(BlockScript::scriptId).orElseGet(() -> dev.rover.core.run.SortableId.next("scr_", clock)),
                key, latest.map(s -> s.revision() + 1).orElse(1), actions, sourceRunId,
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }
}
