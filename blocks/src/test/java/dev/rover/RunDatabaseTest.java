package dev.rover;

import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunType;
import dev.rover.core.store.JdbcRunStore;
import dev.rover.core.store.RoverHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunDatabaseTest {

    @TempDir
    Path dir;

    private RoverHome home() {
        return RoverHome.at(dir.resolve("home"));
    }

    @Test
    void withoutSettingsRunsLiveInTheHomesSqliteFileWithTheDefaultLease() {
        try (JdbcRunStore store = RunDatabase.open(home(), null, null, Map.of())) {
            assertThat(store.leaseDuration()).isEqualTo(JdbcRunStore.DEFAULT_LEASE);
        }
        assertThat(home().database()).exists();
    }

    @Test
    void theEnvironmentChoosesTheDatabaseAndTheLease() {
        Path shared = dir.resolve("shared.db");
        Run run = Run.created(RunId.next(RunType.TASK), "t", Map.of(), null, null, Instant.now());
        Map<String, String> env = Map.of("ROVER_DATABASE_URL", "jdbc:sqlite:" + shared, "ROVER_RUN_LEASE_SECONDS", "7");
        try (JdbcRunStore store = RunDatabase.open(home(), null, null, env)) {
            assertThat(store.leaseDuration()).isEqualTo(Duration.ofSeconds(7));
            store.save(run);
        }
        assertThat(home().root().resolve("rover.db")).as("no embedded database was created").doesNotExist();
        try (JdbcRunStore store = JdbcRunStore.builder().url("jdbc:sqlite:" + shared).build()) {
            assertThat(store.find(run.runId())).isPresent();
        }
    }

    @Test
    void theBuilderWinsOverTheEnvironment() {
        Map<String, String> env = Map.of("ROVER_DATABASE_URL", "mysql://nowhere/x", "ROVER_RUN_LEASE_SECONDS", "banana");
        try (JdbcRunStore store = RunDatabase.open(home(), "jdbc:sqlite:" + dir.resolve("b.db"), Duration.ofSeconds(4), env)) {
            assertThat(store.leaseDuration()).isEqualTo(Duration.ofSeconds(4));
        }
        assertThat(dir.resolve("b.db")).exists();
    }

    @Test
    void badSettingsAreRefusedNamingTheVariable() {
        assertThatThrownBy(() -> RunDatabase.open(home(), null, null, Map.of("ROVER_RUN_LEASE_SECONDS", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ROVER_RUN_LEASE_SECONDS must be a whole number of seconds from 1 to 86400 (a day); got '0'");
        assertThatThrownBy(() -> RunDatabase.open(home(), null, null, Map.of("ROVER_RUN_LEASE_SECONDS", "9999999999999")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got '9999999999999'");
        assertThatThrownBy(() -> RunDatabase.open(home(), null, null, Map.of("ROVER_DATABASE_URL", "mysql://u:pw12345@db/x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ROVER_DATABASE_URL 'mysql://db/x' is not a database URL Rover knows")
                .hasMessageNotContaining("pw12345");
    }
}
