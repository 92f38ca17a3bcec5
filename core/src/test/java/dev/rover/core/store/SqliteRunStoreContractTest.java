package dev.rover.core.store;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The run store contract on embedded SQLite, one database file per test. */
class SqliteRunStoreContractTest extends RunStoreContractTest {

    @TempDir
    Path dir;

    @Override
    String newDatabaseUrl() {
        return "jdbc:sqlite:" + dir.resolve("rover.db");
    }
}
