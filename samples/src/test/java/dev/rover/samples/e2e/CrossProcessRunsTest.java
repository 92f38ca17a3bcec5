package dev.rover.samples.e2e;

import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.TimelineEntry;
import dev.rover.core.store.DatabaseUrl;
import dev.rover.core.store.JdbcRunStore;
import dev.rover.core.store.PostgresServer;
import dev.rover.core.store.RunLease;
import dev.rover.samples.cli.RoverCli;
import dev.rover.samples.cli.RoverSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs owned by another process: a second JVM executes {@code rover run} on a page served here, then is
 * killed with {@code kill -9} (its run is recovered by this process only once its lease lapsed) or is asked
 * to cancel by {@code rover runs cancel} from this process (the run ends canceled with report and recording).
 * The first shares an SQLite data directory, the second a PostgreSQL server chosen by ROVER_DATABASE_URL.
 */
@ExtendWith(PostgresServer.Extension.class)
class CrossProcessRunsTest {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    @TempDir
    static Path tmp;

    private static LifecyclePages pages;
    private static Path workflow;

    @BeforeAll
    static void servePages() throws IOException {
        pages = new LifecyclePages();
        workflow = Files.writeString(tmp.resolve("visit-then-wait.yaml"), """
                title: Visit then wait
                workflow_definition:
                  blocks:
                    - {block_type: goto_url, label: open, url: "%s"}
                    - {block_type: action, label: add, navigation_goal: 'Click the "Add to cart" button.'}
                    - {block_type: wait, label: pause, wait_sec: 120}
                """.formatted(pages.url("/product")));
    }

    @AfterAll
    static void stopPages() {
        if (pages != null) {
            pages.close();
        }
    }

    @Test
    void aKilledOwnersRunIsRecoveredByAnotherProcessOnlyAfterItsLeaseLapses() throws Exception {
        Path data = tmp.resolve("killed");
        RunId id;
        try (JdbcRunStore store = JdbcRunStore.builder().sqlite(data.resolve("rover.db")).recoverOnOpen(false).build()) {
            Process owner = roverRun(data, Map.of("ROVER_RUN_LEASE_SECONDS", "3"), tmp.resolve("killed.log"));
            try {
                id = awaitWaitingRun(store, owner, tmp.resolve("killed.log"));
            } finally {
                owner.destroyForcibly(); // SIGKILL: no shutdown hook, no finishing, the lease just stops
                assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            List<ArtifactRecord> written = store.artifacts(id, Set.of());
            RunLease last = store.lease(id).orElseThrow();

            assertThat(store.recoverInterrupted()).as("the dead owner's lease is still valid").isEmpty();
            assertThat(store.find(id).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
            assertThat(Duration.between(last.heartbeatAt(), last.expiresAt())).isEqualTo(Duration.ofSeconds(3));

            List<Run> recovered = new ArrayList<>();
            awaitTrue(() -> recovered.addAll(store.recoverInterrupted()), Duration.ofSeconds(20), "recovery");
            assertThat(Instant.now()).as("recovered only once the lease expired").isAfterOrEqualTo(last.expiresAt());

            Run run = store.find(id).orElseThrow();
            assertThat(recovered).containsExactly(run);
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.failureReason()).isEqualTo(JdbcRunStore.INTERRUPTED_REASON);
            assertThat(run.finishedAt()).as("the last heartbeat").isEqualTo(last.heartbeatAt());
            assertThat(written).as("the screenshots of the action block").isNotEmpty();
            assertThat(store.artifacts(id, Set.of())).isEqualTo(written);
            assertThat(store.timeline(id)).satisfiesExactly(
                    open -> assertThat(open.status()).isEqualTo("completed"),
                    add -> assertThat(add.status()).isEqualTo("completed"),
                    pause -> {
                        assertThat(pause.label()).isEqualTo("pause");
                        assertThat(pause.status()).isEqualTo("failed");
                        assertThat(pause.finishedAt()).as("the last heartbeat, never before the block's start")
                                .isEqualTo(last.heartbeatAt().isAfter(pause.startedAt()) ? last.heartbeatAt() : pause.startedAt());
                    });
        }
        Cli shown = cli(Map.of(), "runs", "show", id.value(), "--data-dir", data.toString());
        assertThat(shown.exitCode()).isZero();
        assertThat(shown.out()).contains("\"status\" : \"failed\"").contains("interrupted");
    }

    @Test
    void runsCancelFromAnotherProcessEndsTheRunCanceledWithReportAndRecording(PostgresServer server) throws Exception {
        Path data = tmp.resolve("canceled");
        String jdbcUrl = server.newSchemaUrl();
        String schema = jdbcUrl.substring(jdbcUrl.indexOf("currentSchema=") + "currentSchema=".length());
        String databaseUrl = "postgres://" + PostgresServer.USER + ":" + server.password() + "@127.0.0.1:"
                + server.port() + "/" + PostgresServer.DATABASE + "?currentSchema=" + schema;
        assertThat(DatabaseUrl.toJdbc(databaseUrl, "test")).isNotBlank();
        Map<String, String> env = Map.of("ROVER_DATABASE_URL", databaseUrl);

        try (JdbcRunStore store = JdbcRunStore.builder().url(jdbcUrl).recoverOnOpen(false).build()) {
            Process owner = roverRun(data, env, tmp.resolve("canceled.log"));
            try {
                RunId id = awaitWaitingRun(store, owner, tmp.resolve("canceled.log"));

                long before = System.nanoTime();
                Cli cancel = cli(env, "runs", "cancel", id.value(), "--data-dir", data.toString());
                Duration took = Duration.ofNanos(System.nanoTime() - before);

                assertThat(cancel.exitCode()).as(cancel.err()).isZero();
                assertThat(cancel.out()).contains("status:  canceled").containsPattern("report: +/\\S+\\.html");
                Run run = store.find(id).orElseThrow();
                assertThat(run.status()).isEqualTo(RunStatus.CANCELED);
                Instant requested = cancelRequestedAt(jdbcUrl, id);
                assertThat(Duration.between(requested, run.finishedAt()))
                        .as("from the request to the run's end").isLessThan(Duration.ofSeconds(2));
                // the JVM start and opening Rover dominate and vary with the machine's load; this only rules out a hang
                assertThat(took).as("the whole command, opening Rover included").isLessThan(Duration.ofSeconds(30));

                assertThat(owner.waitFor(60, TimeUnit.SECONDS)).as("the owner's rover run ends").isTrue();
                Run finished = store.find(id).orElseThrow();
                assertThat(finished.recordingUrl()).as("the recording").isNotNull();
                assertThat(Path.of(java.net.URI.create(finished.recordingUrl()))).isRegularFile();
                assertThat(store.artifacts(id, Set.of(ArtifactType.REPORT))).singleElement()
                        .satisfies(report -> assertThat(Path.of(java.net.URI.create(report.uri()))).isRegularFile());
                assertThat(store.timeline(id)).extracting(TimelineEntry::status).containsExactly("completed", "completed", "canceled");
            } finally {
                owner.destroyForcibly();
                owner.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** {@code rover run} of the workflow in a new JVM on the test classpath, output to {@code log}. */
    private static Process roverRun(Path data, Map<String, String> env, Path log) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                RoverCli.class.getName(), "run", workflow.toString(), "--data-dir", data.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("ROVER_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** The run once its last block (a long wait) has started, so a browser is open and recording. */
    private static RunId awaitWaitingRun(JdbcRunStore store, Process owner, Path log) {
        RunId[] id = new RunId[1];
        awaitTrue(() -> {
            if (!owner.isAlive()) {
                throw new AssertionError("rover run ended early (exit " + owner.exitValue() + "):\n" + read(log));
            }
            Optional<Run> run = store.list(1).stream().findFirst();
            if (run.isEmpty() || run.get().status() != RunStatus.RUNNING) {
                return false;
            }
            id[0] = run.get().runId();
            return store.timeline(id[0]).stream().anyMatch(e -> e.label().equals("pause") && e.finishedAt() == null);
        }, STARTUP, "the other process's run to reach its wait block");
        return id[0];
    }

    private static Instant cancelRequestedAt(String jdbcUrl, RunId id) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             PreparedStatement s = c.prepareStatement("SELECT cancel_requested_at FROM runs WHERE run_id = ?")) {
            s.setString(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                long at = rs.getLong(1);
                assertThat(rs.wasNull()).as("a cancel request was recorded").isFalse();
                return Instant.ofEpochMilli(at);
            }
        }
    }

    /** One in-process {@code rover} command's exit code and output. */
    private record Cli(int exitCode, String out, String err) {
    }

    private static Cli cli(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> environment = new HashMap<>(env);
        CommandLine commandLine = RoverCli.commandLine(new RoverSetup(environment, UnaryOperator.identity()));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void awaitTrue(BooleanSupplier condition, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit + " waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }
}
