package dev.rover.core.store;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Leases, recovery and cancel requests on embedded SQLite, one database file per test. */
class SqliteRunLeaseContractTest extends RunLeaseContractTest {

    @TempDir
    Path dir;

    @Override
    String newDatabaseUrl() {
        return "jdbc:sqlite:" + dir.resolve("rover.db");
    }
}
