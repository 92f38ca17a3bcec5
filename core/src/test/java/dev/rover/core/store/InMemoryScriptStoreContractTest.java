package dev.rover.core.store;

import dev.rover.core.script.BlockScript;
import dev.rover.core.script.ScriptStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The script store contract in memory, next to the in-memory run store. */
class InMemoryScriptStoreContractTest extends ScriptStoreContractTest {

    @Override
    ScriptStore open(Clock clock) {
        return new InMemoryScriptStore(clock);
    }

    @Test
    void theInMemoryRunStoreHandsOutOne() {
        try (InMemoryRunStore runs = new InMemoryRunStore()) {
            BlockScript saved = runs.scripts().save(SIGNUP, List.of(), "wr_1");
            assertThat(runs.scripts().latest(SIGNUP)).contains(saved);
        }
    }
}
