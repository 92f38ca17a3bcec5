package dev.rover.core.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The run store contract on a real PostgreSQL server (started for the test run), one schema per test. */
@ExtendWith(PostgresServer.Extension.class)
class PostgresRunStoreContractTest extends RunStoreContractTest {

    private final PostgresServer server;

    PostgresRunStoreContractTest(PostgresServer server) {
        this.server = server;
    }

    @Override
    String newDatabaseUrl() {
        return server.newSchemaUrl();
    }
}
