package dev.rover.core.store;

import dev.rover.core.script.ScriptStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;

/** The script store contract on a real PostgreSQL server (started for the test run), one schema per test. */
@ExtendWith(PostgresServer.Extension.class)
class PostgresScriptStoreContractTest extends ScriptStoreContractTest {

    private final PostgresServer server;
    private JdbcRunStore store;

    PostgresScriptStoreContractTest(PostgresServer server) {
        this.server = server;
    }

    @Override
    ScriptStore open(Clock clock) {
        store = JdbcRunStore.builder().url(server.newSchemaUrl()).clock(clock).build();
        return store.scripts();
    }

    @AfterEach
    void close() {
        store.close();
    }
}
