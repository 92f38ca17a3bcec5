package dev.rover.core.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands out JDBC connections to a store one caller at a time: either one long-lived connection opened
 * from a URL (the embedded SQLite case, where one serialized connection is both safe and fast) or a fresh
 * connection per call from a {@link DataSource}. Each connection is prepared by the database's
 * {@link SqlDialect} (SQLite gets WAL and a busy timeout so that several processes can share one file). A
 * long-lived connection to a server that drops it is replaced on the next call.
 */
final class JdbcConnections implements AutoCloseable {

    /** Unit of database work. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(JdbcConnections.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final DataSource dataSource;
    private final String url;
    private final String description;
    private final SqlDialect dialect;
    private Connection shared;
    private boolean closed;

    private JdbcConnections(DataSource dataSource, String url, Connection shared, String description, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.url = url;
        this.shared = shared;
        this.description = description;
        this.dialect = dialect;
    }

    static JdbcConnections fromUrl(String jdbcUrl) {
        String description = describe(jdbcUrl);
        try {
            Connection connection = DriverManager.getConnection(jdbcUrl);
            try {
                SqlDialect dialect = SqlDialect.of(connection);
                dialect.configure(connection);
                return new JdbcConnections(null, jdbcUrl, connection, description, dialect);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot open the run database " + description + ": " + e.getMessage(), e);
        }
    }

    static JdbcConnections fromDataSource(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String description = describe(connection.getMetaData().getURL());
            return new JdbcConnections(dataSource, null, null, description, SqlDialect.of(connection));
        } catch (SQLException e) {
            throw new StoreException("cannot connect to the run database through " + dataSource.getClass().getName()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The database named for messages, with credentials and options removed from its URL. */
    String description() {
        return description;
    }

    /** What kind of database this is. */
    SqlDialect dialect() {
        return dialect;
    }

    /** Runs work that only reads. */
    <T> T read(Work<T> work) {
        return call(work, false);
    }

    /** Runs work in one transaction, rolled back when it throws. */
    <T> T write(Work<T> work) {
        return call(work, true);
    }

    private <T> T call(Work<T> work, boolean transactional) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the run store on " + description + " is closed");
            }
            Connection connection = dataSource == null ? sharedConnection() : openFromDataSource();
            try {
                return transactional ? inTransaction(connection, work) : work.run(connection);
            } catch (SQLException e) {
                if (dataSource == null && (dialect.lostConnection(e) || isClosed(connection))) {
                    dropShared();
                }
                throw e;
            } finally {
                if (dataSource != null) {
                    connection.close();
                }
            }
        } catch (SQLException e) {
            throw new StoreException("run database " + description + " failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private Connection openFromDataSource() throws SQLException {
        Connection connection = dataSource.getConnection();
        dialect.configure(connection);
        return connection;
    }

    /** The long-lived connection, opened again when the server dropped the previous one. */
    private Connection sharedConnection() throws SQLException {
        if (shared == null) {
            Connection connection = DriverManager.getConnection(url);
            dialect.configure(connection);
            shared = connection;
            LOG.info("reconnected to the run database {}", description);
        }
        return shared;
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private void dropShared() {
        LOG.warn("lost the connection to the run database {}; the next call opens a new one", description);
        try {
            shared.close();
        } catch (SQLException ignored) {
            // it is gone already
        }
        shared = null;
    }

    private static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** A JDBC URL without user, password or options, safe for logs and messages. */
    static String describe(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "(unknown database)";
        }
        String url = jdbcUrl;
        int options = indexOfAny(url, '?', ';');
        if (options >= 0) {
            url = url.substring(0, options);
        }
        int at = url.lastIndexOf('@');
        int scheme = url.indexOf("//");
        if (at >= 0 && scheme >= 0 && at > scheme) {
            url = url.substring(0, scheme + 2) + url.substring(at + 1);
        }
        return url;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j;
        }
        return j < 0 ? i : Math.min(i, j);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (shared != null) {
                try {
                    shared.close();
                } catch (SQLException e) {
                    LOG.warn("closing the run database {} failed: {}", description, e.getMessage(), e);
                }
                shared = null;
            }
        } finally {
            lock.unlock();
        }
    }
}
