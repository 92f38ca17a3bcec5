package dev.rover.samples.e2e;

import dev.rover.Rover;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import dev.rover.samples.cli.RoverCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-C (SIGINT) and SIGTERM on {@code rover run} and {@code rover task} in a real second JVM (issue 10, item 7): the CLI cancels its
 * run, records it as {@code canceled} with report and recording, sends the webhook, and exits within 5 s.
 */
@EnabledOnOs(OS.LINUX)
class CliSignalE2ETest {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static LifecyclePages pages;
    private static WebhookReceiver webhooks;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        pages = new LifecyclePages();
        webhooks = new WebhookReceiver();
    }

    @AfterAll
    static void stop() {
        pages.close();
        webhooks.close();
    }

    @ParameterizedTest(name = "run, SIG{0}")
    @ValueSource(strings = {"TERM", "INT"})
    void aStopSignalCancelsRecordsAndReportsTheWorkflowRunWithinFiveSeconds(String signal) throws Exception {
        Path workflow = Files.writeString(tmp.resolve("slow.yaml"), """
                title: Slow visit %s
                webhook_callback_url: %s
                workflow_definition:
                  blocks:
                    - {block_type: goto_url, label: open, url: "%s"}
                    - {block_type: wait, label: pause, wait_sec: 600}
                """.formatted(signal, webhooks.url(), pages.url("/product")));

        Run run = stopAndRead(signal, (home, stderr) -> Files.readString(stderr).contains("block pause started"),
                "run", workflow.toString());

        assertThat(webhooks.deliveries()).anySatisfy(d -> {
            assertThat(d.body()).contains("\"run_id\":\"" + run.runId() + "\"").contains("\"status\":\"canceled\"");
            assertThat(d.answeredWith()).isEqualTo(200);
        });
    }

    @org.junit.jupiter.api.Test
    void ctrlCInATerminalSignalsTheWholeProcessGroupAndTheRunIsStillRecorded() throws Exception {
        Path workflow = Files.writeString(tmp.resolve("group.yaml"), """
                title: Slow visit group
                workflow_definition:
                  blocks:
                    - {block_type: goto_url, label: open, url: "%s"}
                    - {block_type: wait, label: pause, wait_sec: 600}
                """.formatted(pages.url("/product")));

        stopAndRead("INT-GROUP", (home, stderr) -> Files.readString(stderr).contains("block pause started"),
                "run", workflow.toString());
    }

    @ParameterizedTest(name = "task, SIG{0}")
    @ValueSource(strings = {"INT"})
    void aStopSignalCancelsRecordsAndReportsTheTaskWithinFiveSeconds(String signal) throws Exception {
        // ready once the click is done: the engine's wait of 60 seconds comes next
        Run run = stopAndRead(signal, (home, stderr) -> hasActionScreenshot(home), "task",
                "--prompt", "Click Add to cart, then wait 60 seconds", "--url", pages.url("/product"), "--engine", "offline");

        assertThat(run.failureReason()).isEqualTo("the run was canceled");
    }

    /**
     * Starts {@code rover ARGS} in a second JVM, sends the signal once {@code ready} holds, checks
     * that the process exits within 5 s with the signal's status, and returns the run as stored, after
     * checking it is canceled with a report and a recording.
     */
    private Run stopAndRead(String signal, Ready ready, String... args) throws Exception {
        Path home = tmp.resolve("home");
        Path stderr = tmp.resolve("stderr.txt");
        boolean group = signal.endsWith("-GROUP"); // as a terminal's Ctrl-C: the JVM, the driver and the browser
        List<String> command = new java.util.ArrayList<>(group ? List.of("setsid") : List.of());
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", testClassPath(), RoverCli.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--data-dir", home.toString()));
        Process cli = new ProcessBuilder(command).redirectError(stderr.toFile())
                .redirectOutput(tmp.resolve("stdout.txt").toFile()).start();
        try {
            awaitReady(cli, home, stderr, ready);

            long signalled = System.nanoTime();
            Process kill = new ProcessBuilder("kill", "-" + signal.replace("-GROUP", ""), "--",
                    (group ? "-" : "") + cli.pid()).start();
            assertThat(kill.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(kill.exitValue()).as("kill exit status").isZero();
            boolean exited = cli.waitFor(10, TimeUnit.SECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);

            assertThat(exited).as("the CLI exited; stderr:%n%s", Files.readString(stderr)).isTrue();
            System.out.printf("rover %s: exited %d ms after SIG%s%n", args[0], millis, signal);
            assertThat(millis).as("milliseconds from SIG%s to exit", signal).isLessThan(5_000);
            assertThat(cli.exitValue()).isEqualTo(signal.startsWith("TERM") ? 143 : 130);
        } finally {
            cli.destroyForcibly();
        }

        assertThat(Files.readString(stderr)).contains("rover: stopping: canceling runs in progress");
        assertOwnerOnly(home); // screenshots, the trace and the database of a real run
        try (Rover rover = Rover.builder().dataDirectory(home).build()) {
            List<Run> runs = rover.listRuns(10);
            assertThat(runs).hasSize(1);
            Run run = runs.get(0);
            String id = run.runId().toString();
            assertThat(run.status()).isEqualTo(RunStatus.CANCELED);
            assertThat(rover.reportPath(id)).isPresent().get().satisfies(p -> assertThat(p).isRegularFile());
            assertThat(run.recordingUrl()).isNotNull();
            assertThat(Path.of(URI.create(run.recordingUrl()))).isRegularFile();
            return run;
        }
    }

    private static void assertOwnerOnly(Path home) throws IOException {
        try (var paths = Files.walk(home)) {
            for (Path path : paths.toList()) {
                String expected = Files.isDirectory(path) ? "rwx------" : "rw-------";
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
                        .as(path.toString()).isEqualTo(expected);
            }
        }
    }

    /** The classpath this test runs with (surefire's own property, or the JVM's). */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static void awaitReady(Process process, Path home, Path stderr, Ready ready) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(stderr) && ready.test(home, stderr)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the CLI ended before it was ready:\n" + Files.readString(stderr));
            }
            Thread.sleep(100); // polling another process's files: there is nothing to wait on
        }
        throw new AssertionError("not ready within " + STARTUP + ":\n" + Files.readString(stderr));
    }

    private static boolean hasActionScreenshot(Path home) throws IOException {
        Path runs = home.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return false;
        }
        try (var files = Files.walk(runs)) {
            return files.anyMatch(f -> f.getFileName().toString().matches("step-\\d+-action-1\\.png"));
        }
    }

    /** When the child process is far enough along to be stopped. */
    @FunctionalInterface
    private interface Ready {
        boolean test(Path home, Path stderr) throws IOException;
    }
}
