package dev.rover.samples.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.rover.core.json.Json;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.Run;
import dev.rover.samples.demo.DemoAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static dev.rover.samples.e2e.RunChecks.assertCompleted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's acceptance: after a run that logs in with the demo credential (password + TOTP secret),
 * no file under the data directory (database, artifacts, report, the recording and every entry
 * inside it), no log line and no run output or timeline holds the password, the TOTP secret or the
 * username. The TOTP codes typed are transient and not searched for.
 */
class SecretLeakTest {

    @TempDir
    static Path data;

    private static OfflinePortal portal;
    private static final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private static Logger rootLogger;
    private static Logger roverLogger;
    private static Level roverLevel;
    private static Run run;

    @BeforeAll
    static void runTheLoginWorkflowWhileCapturingLogs() throws IOException {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        rootLogger = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        roverLogger = context.getLogger("dev.rover");
        roverLevel = roverLogger.getLevel();
        roverLogger.setLevel(Level.DEBUG);
        logs.setContext(context);
        logs.start();
        rootLogger.addAppender(logs);
        portal = OfflinePortal.start(data);
        run = portal.runSample("orders-in-date-range.yaml", Map.of());
    }

    @AfterAll
    static void stop() {
        rootLogger.detachAppender(logs);
        logs.stop();
        roverLogger.setLevel(roverLevel);
        if (portal != null) {
            portal.close();
        }
    }

    /**
     * The stored secret values (the username too: Rover keeps it as a secret placeholder), each also
     * as a form post encodes it, since recordings keep request bodies.
     */
    private static List<String> secrets() {
        List<String> values = List.of(portal.account().password(), portal.account().totpSecret(), portal.account().username());
        return values.stream().flatMap(v -> Stream.of(v, URLEncoder.encode(v, StandardCharsets.UTF_8))).distinct().toList();
    }

    private static String nameOf(String secret) {
        DemoAccount a = portal.account();
        String plain = URLDecoder.decode(secret, StandardCharsets.UTF_8);
        String what = plain.equals(a.password()) ? "the password" : plain.equals(a.totpSecret()) ? "the TOTP secret" : "the username";
        return plain.equals(secret) ? what : what + " (form-encoded)";
    }

    @Test
    void theRunLoggedInAndLeftRecordsToSearch() {
        assertCompleted(run);
        assertThat(portal.rover().getRunArtifacts(run.runId().value(), ArtifactType.RECORDING)).hasSize(1);
        assertThat(logs.list).as("captured log lines").isNotEmpty();
    }

    @Test
    void noFileUnderTheDataDirectoryHoldsASecret() throws IOException {
        List<String> searched = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        boolean sawRunId = false;
        try (Stream<Path> all = Files.walk(data)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                sawRunId |= contains(bytes, run.runId().value());
                search(data.relativize(file).toString(), bytes, searched, leaks);
            }
        }
        assertThat(sawRunId).as("the search reads the files (the run id is found in them)").isTrue();
        assertThat(searched).as("files and zip entries searched").anyMatch(n -> n.endsWith(".db") || n.contains(".db!") || n.endsWith(".sqlite"))
                .anyMatch(n -> n.contains("!")).anyMatch(n -> n.endsWith(".html")).anyMatch(n -> n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg"));
        assertThat(leaks).as("secrets found in files").isEmpty();
    }

    @Test
    void noLogLineHoldsASecret() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent e : List.copyOf(logs.list)) {
            StringBuilder line = new StringBuilder(e.getLoggerName()).append(' ').append(e.getFormattedMessage());
            e.getMDCPropertyMap().forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
            if (e.getThrowableProxy() != null) {
                line.append('\n').append(ThrowableProxyUtil.asString(e.getThrowableProxy()));
            }
            lines.add(line.toString());
        }
        assertThat(lines).as("the run's own lines were captured").anyMatch(l -> l.startsWith("dev.rover."));
        for (String secret : secrets()) {
            assertThat(lines).as("log lines holding a secret").noneMatch(l -> l.contains(secret));
        }
    }

    @Test
    void noRunOutputTimelineOrArtifactListingHoldsASecret() {
        String id = run.runId().value();
        List<String> texts = List.of(
                Json.compact(portal.rover().getRun(id).orElseThrow()),
                Json.compact(portal.rover().getRunTimeline(id)),
                Json.compact(portal.rover().getRunArtifacts(id)),
                Json.compact(portal.rover().listRuns(10)),
                String.valueOf(run), String.valueOf(portal.rover().credentials().list()));
        assertThat(texts.get(1)).as("the timeline was read").contains("sign_in");
        for (String secret : secrets()) {
            assertThat(texts).as("run records holding a secret").noneMatch(t -> t.contains(secret));
        }
    }

    /** Searches the bytes, and when they are a zip, every entry inside (recursively). */
    private static void search(String name, byte[] bytes, List<String> searched, List<String> leaks) throws IOException {
        searched.add(name);
        for (String secret : secrets()) {
            if (contains(bytes, secret)) {
                leaks.add(name + " holds " + nameOf(secret));
            }
        }
        if (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (!entry.isDirectory()) {
                        search(name + "!" + entry.getName(), zip.readAllBytes(), searched, leaks);
                    }
                }
            }
        }
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
