package dev.rover.core.store;

import dev.rover.core.script.BlockScript;
import dev.rover.core.script.ScriptKey;
import dev.rover.core.script.ScriptStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The script store contract on embedded SQLite; scripts outlive the store that recorded them. */
class SqliteScriptStoreContractTest extends ScriptStoreContractTest {

    @TempDir
    Path dir;
    private JdbcRunStore store;

    @Override
    ScriptStore open(Clock clock) {
        store = JdbcRunStore.builder().url("jdbc:sqlite:" + dir.resolve("rover.db")).clock(clock).build();
        return store.scripts();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void scriptsSurviveReopeningTheDatabase() {
        BlockScript saved = open(ticking()).save(SIGNUP, List.of(fill("email", "{{ email }}")), "wr_1");
        store.close();

        ScriptStore reopened = open(ticking());

        assertThat(reopened.latest(SIGNUP)).contains(saved);
        assertThatThrownBy(() -> reopened.save(new ScriptKey("w", "k".repeat(501), "b"), List.of(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a script's cache_key is at most 500 characters, got 501");
    }
}
