package dev.rover.core.store;

import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What is particular to PostgreSQL: the URL forms a person gives, and credentials kept out of messages. */
@ExtendWith(PostgresServer.Extension.class)
class PostgresRunStoreTest {

    @Test
    void aPostgresUrlWithCredentialsOpensTheStore(PostgresServer server) {
        String schemaUrl = server.newSchemaUrl();
        String schema = schemaUrl.substring(schemaUrl.indexOf("currentSchema=") + "currentSchema=".length());
        String url = "postgres://" + PostgresServer.USER + ":" + server.password() + "@127.0.0.1:" + server.port()
                + "/" + PostgresServer.DATABASE + "?currentSchema=" + schema;
        Run run = Run.created(RunId.next(RunType.TASK), "via postgres://", Map.of(), null, null, Instant.now());

        try (JdbcRunStore store = JdbcRunStore.builder().url(DatabaseUrl.toJdbc(url, "ROVER_DATABASE_URL")).build()) {
            store.save(run);
        }
        try (JdbcRunStore store = JdbcRunStore.builder().url(schemaUrl).build()) {
            assertThat(store.find(run.runId())).contains(run);
        }
    }

    @Test
    void aConnectionTheServerDroppedIsReplacedOnTheNextCall(PostgresServer server) throws Exception {
        String url = server.newSchemaUrl();
        Run run = Run.created(RunId.next(RunType.TASK), "survives a reconnect", Map.of(), null, null, Instant.now());
        try (JdbcRunStore store = JdbcRunStore.builder().url(url).build()) {
            store.save(run);
            try (java.sql.Connection admin = java.sql.DriverManager.getConnection(url);
                 java.sql.Statement s = admin.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
            }

            assertThatThrownBy(() -> store.find(run.runId())).as("the call on the dropped connection")
                    .isInstanceOf(StoreException.class).hasMessageContaining("failed");
            assertThat(store.find(run.runId())).as("the next call reconnects").contains(run);
        }
    }

    @Test
    void aRefusedPasswordIsReportedWithoutIt(PostgresServer server) {
        String wrong = "not-the-pw-" + server.port();
        String url = "postgres://" + PostgresServer.USER + ":" + wrong + "@127.0.0.1:" + server.port() + "/"
                + PostgresServer.DATABASE;

        assertThatThrownBy(() -> JdbcRunStore.builder().url(DatabaseUrl.toJdbc(url, "ROVER_DATABASE_URL")).build())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot open the run database jdbc:postgresql://127.0.0.1:" + server.port()
                        + "/" + PostgresServer.DATABASE)
                .hasMessageContaining("password authentication failed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain(server.password()));
    }
}
