package dev.rover.core.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What every database under the workflow store must do: versions kept, latest first, deletion keeps rows. */
abstract class WorkflowStoreContractTest {

    abstract String newDatabaseUrl();

    @Test
    void updatesAddVersionsAndDeletionHidesTheWorkflowButKeepsItsRows() throws Exception {
        String url = newDatabaseUrl();
        String id;
        try (JdbcRunStore store = JdbcRunStore.builder().url(url).build()) {
            WorkflowStore workflows = store.workflows();
            StoredWorkflow first = workflows.create("Orders", "yaml", "title: Orders\n");
            id = first.workflowPermanentId();
            assertThat(id).startsWith("wpid_");
            assertThat(first.version()).isEqualTo(1);
            StoredWorkflow other = workflows.create("Other", "json", "{\"title\":\"Other\"}");

            StoredWorkflow second = workflows.update(id, "Orders v2", "yaml", "title: Orders v2\n").orElseThrow();

            assertThat(second.version()).isEqualTo(2);
            assertThat(workflows.latest(id)).contains(second);
            assertThat(workflows.version(id, 1)).contains(first);
            assertThat(workflows.versions(id)).containsExactly(first, second);
            assertThat(workflows.list()).extracting(StoredWorkflow::workflowPermanentId)
                    .containsExactlyInAnyOrder(id, other.workflowPermanentId());
            assertThat(workflows.list()).filteredOn(w -> w.workflowPermanentId().equals(id)).extracting(StoredWorkflow::version)
                    .containsExactly(2);
            assertThat(workflows.update("wpid_unknown", "x", "yaml", "title: x")).isEmpty();

            assertThat(workflows.delete(id)).isTrue();
            assertThat(workflows.delete(id)).as("already deleted").isFalse();
            assertThat(workflows.latest(id)).isEmpty();
            assertThat(workflows.update(id, "again", "yaml", "title: again")).isEmpty();
            assertThat(workflows.list()).extracting(StoredWorkflow::workflowPermanentId).containsExactly(other.workflowPermanentId());
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
             java.sql.ResultSet rs = c.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM workflows WHERE workflow_permanent_id = '" + id + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("deleted versions stay stored").isEqualTo(2);
        }
    }

    /** On embedded SQLite. */
    static class Sqlite extends WorkflowStoreContractTest {
        @TempDir
        Path dir;

        @Override
        String newDatabaseUrl() {
            return "jdbc:sqlite:" + dir.resolve("rover.db");
        }
    }

    /** On a real PostgreSQL server, one schema per test. */
    @ExtendWith(PostgresServer.Extension.class)
    static class Postgres extends WorkflowStoreContractTest {
        private final PostgresServer server;

        Postgres(PostgresServer server) {
            this.server = server;
        }

        @Override
        String newDatabaseUrl() {
            return server.newSchemaUrl();
        }
    }
}
