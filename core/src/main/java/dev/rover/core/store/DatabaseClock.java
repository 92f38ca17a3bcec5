package dev.rover.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

/** The time leases are written and judged in: the database server's where it has one, else the store's clock. */
final class DatabaseClock {

    private final SqlDialect dialect;
    private final Clock clock;

    DatabaseClock(SqlDialect dialect, Clock clock) {
        this.dialect = dialect;
        this.clock = clock;
    }

    Instant now(Connection connection) throws SQLException {
        return dialect.now(connection, clock);
    }
}
