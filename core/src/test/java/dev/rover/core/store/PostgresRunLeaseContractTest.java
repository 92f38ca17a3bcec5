package dev.rover.core.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** Leases, recovery and cancel requests on a real PostgreSQL server (started for the test run), one schema per test. */
@ExtendWith(PostgresServer.Extension.class)
class PostgresRunLeaseContractTest extends RunLeaseContractTest {

    private final PostgresServer server;

    PostgresRunLeaseContractTest(PostgresServer server) {
        this.server = server;
    }

    @Override
    String newDatabaseUrl() {
        return server.newSchemaUrl();
    }
}
