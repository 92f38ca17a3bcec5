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
}
