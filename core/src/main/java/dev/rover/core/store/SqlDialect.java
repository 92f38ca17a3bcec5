package dev.rover.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * What differs between the databases the run store runs on; everything else is one JDBC code path.
 * SQLite is embedded, so every process sharing its file shares this host's clock, and it needs its
 * pragmas for several processes to share a file. PostgreSQL is shared by processes on several hosts, so
 * lease times come from the server's clock (never from hosts whose clocks may disagree) and concurrent
 * schema migrations take an advisory lock. Any other database gets plain SQL and this process's clock.
 */
enum SqlDialect {

    SQLITE {
        @Override
        void configure(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = " + SQLITE_BUSY_TIMEOUT_MS);
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA synchronous = NORMAL");
            }
        }
    },

    POSTGRESQL {
        @Override
        Instant now(Connection connection, Clock clock) throws SQLException {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(
                         "SELECT CAST(FLOOR(EXTRACT(EPOCH FROM clock_timestamp()) * 1000) AS BIGINT)")) {
                rs.next();
                return Instant.ofEpochMilli(rs.getLong(1));
            }
        }

        @Override
        void lockSchema(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                // held until the transaction ends, so two stores opening at once migrate one after the other
                statement.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK_KEY + ")");
            }
        }

        @Override
        boolean lostConnection(SQLException e) {
            // 08: connection exceptions; 57P01-57P03: the server ended the session (shutdown, restart)
            String state = e.getSQLState();
            return state != null && (state.startsWith("08") || state.startsWith("57P"));
        }
    },

    OTHER;

    private static final int SQLITE_BUSY_TIMEOUT_MS = 15_000;
    /** An arbitrary constant naming Rover's schema lock among a server's advisory locks ("rover" in ASCII). */
    private static final long SCHEMA_LOCK_KEY = 0x726f766572L;

    /** The dialect of the database behind this connection. */
    static SqlDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("sqlite")) {
            return SQLITE;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        return OTHER;
    }

    /** Prepares a freshly opened connection. */
    void configure(Connection connection) throws SQLException {
        // nothing to set by default
    }

    /** The time every process sharing the database agrees on: the server's clock, else {@code clock}. */
    Instant now(Connection connection, Clock clock) throws SQLException {
        return clock.instant();
    }

    /** Serializes schema migrations across processes, within the current transaction. */
    void lockSchema(Connection connection) throws SQLException {
        // SQLite serializes writers itself; elsewhere the migration's own re-check handles a race
    }

    /** True when the failure means the connection is gone and a new one is needed. */
    boolean lostConnection(SQLException e) {
        return false;
    }
}
