package dev.rover.samples.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.core.json.Json;
import dev.rover.samples.e2e.fakellm.ScriptedLlmProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static dev.rover.samples.e2e.fakellm.Intent.click;
import static dev.rover.samples.e2e.fakellm.Intent.complete;
import static dev.rover.samples.e2e.fakellm.Intent.inputText;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10's acceptance for credentials, through the command line against two origins on 127.0.0.1
 * ({@link TwoOriginSite}): a login bound on first use, a look-alike form in a foreign iframe (tried
 * by the offline engine and by a scripted model that types the password there on purpose), a form
 * posting to the foreign origin, a page reporting keystrokes and one echoing the password. The
 * foreign origin receives nothing but its page loads, and no 6-character piece of the password (nor
 * the username) is in the data directory, the unzipped recordings, the DEBUG log, stdout/stderr,
 * the reports, the outputs or the prompts.
 */
class CredentialOriginSecurityTest {

    private static final String USERNAME = "ann.acme@mail.test";
    private static final String PASSWORD = "Violet-Harbor-8812-Quill";
    private static final String GOAL = "Log in. Complete when the URL contains /account";

    @TempDir
    static Path tmp;

    private static TwoOriginSite site;
    private static ScriptedLlmProvider llm;
    private static final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private static Logger rootLogger;
    private static Logger roverLogger;
    private static Level roverLevel;
    private static final Map<String, CliHarness.Result> results = new LinkedHashMap<>();

    @BeforeAll
    static void runEveryProbe() throws IOException {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        rootLogger = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        roverLogger = context.getLogger("dev.rover");
        roverLevel = roverLogger.getLevel();
        roverLogger.setLevel(Level.DEBUG);
        logs.setContext(context);
        logs.start();
        rootLogger.addAppender(logs);
        site = new TwoOriginSite(USERNAME, PASSWORD);
        llm = ScriptedLlmProvider.start();
        String home = site.homeOrigin();

        run("add-unbound", "credentials", "add", "acme", "--username", USERNAME, "--password-env", "ACME_PASSWORD");
        run("add-bound", "credentials", "add", "acme-bound", "--username", USERNAME, "--password-env", "ACME_PASSWORD",
                "--origin", home + "/", "--origin", home + "/login");
        // the offline engine logs in on the home origin; the unbound credential gets bound to it
        run("offline-login", "task", "--prompt", GOAL, "--url", home + "/login", "--credential", "acme", "--engine", "offline", "--json");
        run("list", "credentials", "list");
        run("unknown-credential", "task", "--prompt", GOAL, "--url", home + "/login", "--credential", "nope", "--engine", "offline");
        run("bad-origin", "credentials", "add", "other", "--username", USERNAME, "--password-env", "ACME_PASSWORD",
                "--origin", "javascript:alert(1)");
        // the only login form is a look-alike in a frame of the foreign origin
        run("offline-framed", "task", "--prompt", GOAL, "--url", home + "/framed-login", "--credential", "acme-bound",
                "--engine", "offline", "--max-steps", "3", "--json");
        // the form is on the home origin but posts to the foreign one
        run("offline-cross-post", "task", "--prompt", GOAL, "--url", home + "/cross-post", "--credential", "acme-bound",
                "--engine", "offline", "--max-steps", "3", "--json");
        // a model that types the password into the foreign frame first, then logs in properly
        llm.then(inputText("Partner password", "{{detail:password}}"))
                .then(inputText("Username", "{{detail:username}}"), inputText("Password", "{{detail:password}}"), click("Sign in"))
                .thenForever(complete());
        run("llm-login", "task", "--prompt", GOAL, "--url", home + "/login", "--credential", "acme", "--engine", "llm",
                "--max-steps", "5", "--json");
    }

    private static void run(String name, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data-dir");
        all.add(tmp.resolve("home").toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = RoverCli.commandLine(new RoverSetup(Map.of("ACME_PASSWORD", PASSWORD, "ROVER_TRACE", "always"),
                builder -> builder.llm(llm.config().build())));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(all.toArray(String[]::new));
        results.put(name, new CliHarness.Result(code, out.toString(), err.toString()));
    }

    @AfterAll
    static void stop() {
        rootLogger.detachAppender(logs);
        logs.stop();
        roverLogger.setLevel(roverLevel);
        if (llm != null) {
            llm.close();
        }
        if (site != null) {
            site.close();
        }
    }

    private static JsonNode runJson(String name) throws IOException {
        return Json.mapper().readTree(results.get(name).out());
    }

    @Test
    void anUnboundCredentialLogsInAndIsBoundToTheOriginOfTheTaskUrl() throws IOException {
        CliHarness.Result login = results.get("offline-login");
        assertThat(login.exitCode()).as(login.err()).isEqualTo(0);
        assertThat(runJson("offline-login").path("status").asText()).isEqualTo("completed");
        assertThat(site.keyReports()).as("the home page's own keystroke reports").anyMatch(q -> q.startsWith("value="));
        assertThat(site.keyReports()).as("keystrokes typed one by one").noneMatch(q -> q.startsWith("key="));

        String listed = results.get("list").out();
        assertThat(listed.lines().filter(l -> l.contains(" acme ")).findFirst().orElseThrow()).endsWith(site.homeOrigin());
        assertThat(listed.lines().filter(l -> l.contains(" acme-bound ")).findFirst().orElseThrow()).endsWith(site.homeOrigin());
    }

    @Test
    void aTaskNamingAnUnknownCredentialOrAnOriginThatIsNoneAreUsageErrors() {
        CliHarness.Result unknown = results.get("unknown-credential");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("parameter 'credential' names credential 'nope', which is not in the vault");
        CliHarness.Result badOrigin = results.get("bad-origin");
        assertThat(badOrigin.exitCode()).isEqualTo(2);
        assertThat(badOrigin.err()).contains("origin 'javascript:alert(1)' is not an http or https origin such as https://app.example.com");
        assertThat(results.get("list").out()).doesNotContain(" other ");
    }

    @Test
    void theLookAlikeFormInAForeignFrameGetsNothingFromTheOfflineEngine() throws IOException {
        CliHarness.Result framed = results.get("offline-framed");
        assertThat(framed.exitCode()).as(framed.err()).isEqualTo(1);
        assertThat(Json.compact(runJson("offline-framed")) + logText()).contains("refused to type credential 'acme-bound' into a field of frame origin "
                + site.foreignOrigin() + ": the credential is bound to " + site.homeOrigin());
        assertForeignOriginGotOnlyPageLoads();
    }

    @Test
    void aFormPostingToTheForeignOriginIsNotSubmitted() throws IOException {
        CliHarness.Result crossPost = results.get("offline-cross-post");
        assertThat(crossPost.exitCode()).as(crossPost.err()).isEqualTo(1);
        assertThat(Json.compact(runJson("offline-cross-post")) + logText()).contains("refused to submit a form holding credential 'acme-bound' to origin "
                + site.foreignOrigin() + ": the credential is bound to " + site.homeOrigin());
        assertForeignOriginGotOnlyPageLoads();
    }

    @Test
    void aModelTypingThePasswordIntoTheForeignFrameIsRefusedAndThenLogsInOnTheHomeOrigin() throws IOException {
        CliHarness.Result login = results.get("llm-login");
        assertThat(login.exitCode()).as(login.err() + login.out()).isEqualTo(0);
        assertThat(runJson("llm-login").path("status").asText()).isEqualTo("completed");
        List<ScriptedLlmProvider.Call> decisions = llm.calls(ScriptedLlmProvider.Kind.DECIDE);
        assertThat(decisions.size()).isGreaterThanOrEqualTo(2);
        assertThat(decisions.get(1).prompt()).as("what the model was told after its first action")
                .contains("refused to type credential 'acme' into a field of frame origin " + site.foreignOrigin()
                        + ": the credential is bound to " + site.homeOrigin());
        assertForeignOriginGotOnlyPageLoads();
    }

    @Test
    void recordingsOfRunsHoldingSecretsHaveNoScreencastFramesAndTheFinalScreenshotCoversTheEcho() throws IOException {
        List<Path> recordings = files().stream().filter(f -> f.getFileName().toString().equals("recording.zip")).toList();
        assertThat(recordings).as("recordings").hasSizeGreaterThanOrEqualTo(4);
        for (Path recording : recordings) {
            assertThat(entries(Files.readAllBytes(recording))).as(recording.toString())
                    .isNotEmpty().noneMatch(n -> n.endsWith(".jpeg") || n.endsWith(".jpg"));
        }
        // the final screenshot shows the account page, whose paragraphs echo the password and a piece of it
        Path accountPage = Path.of(java.net.URI.create(runJson("offline-login").path("screenshot_urls").get(0).asText()));
        assertThat(accountPage.getFileName().toString()).isEqualTo("final.png");
        BufferedImage image = ImageIO.read(accountPage.toFile());
        assertThat(coveredRows(image)).as("rows painted over across the page width (two echoing paragraphs)").isGreaterThanOrEqualTo(30);
        assertThat(magentaShare(image, 0, 0, image.getWidth(), 8)).as("the top of the page, above the echo").isZero();
    }

    @Test
    void noPieceOfTheSecretIsAnywhereTheRunsWrote() throws IOException {
        List<String> leaks = new ArrayList<>();
        List<String> searched = new ArrayList<>();
        for (Path file : files()) {
            search(tmp.relativize(file).toString(), Files.readAllBytes(file), searched, leaks);
        }
        assertThat(searched).as("searched").anyMatch(n -> n.contains("recording.zip!") && n.endsWith(".trace"))
                .anyMatch(n -> n.contains("recording.zip!") && n.endsWith(".network")).anyMatch(n -> n.endsWith(".html"))
                .anyMatch(n -> n.endsWith(".db"));
        search("DEBUG log", logText().getBytes(StandardCharsets.UTF_8), searched, leaks);
        results.forEach((name, r) -> {
            search(name + " stdout", r.out().getBytes(StandardCharsets.UTF_8), searched, leaks);
            search(name + " stderr", r.err().getBytes(StandardCharsets.UTF_8), searched, leaks);
        });
        for (ScriptedLlmProvider.Call call : llm.calls()) {
            search("LLM request", call.requestBody().getBytes(StandardCharsets.UTF_8), searched, leaks);
        }
        assertThat(logText()).as("DEBUG lines were captured").contains("performing input_text");
        assertThat(leaks).as("pieces of the secret found").isEmpty();
    }

    private static void assertForeignOriginGotOnlyPageLoads() {
        assertThat(site.foreignRequests()).as("requests of the foreign origin")
                .allMatch(r -> r.method().equals("GET") && (r.uri().equals("/partner-login") || r.uri().equals("/favicon.ico")));
    }

    /** Every 6-character piece of the password, plain and form-encoded, and the whole username. */
    private static List<String> needles() {
        List<String> needles = new ArrayList<>();
        for (int i = 0; i + 6 <= PASSWORD.length(); i++) {
            needles.add(PASSWORD.substring(i, i + 6));
        }
        needles.add(USERNAME);
        needles.add(URLEncoder.encode(USERNAME, StandardCharsets.UTF_8));
        return needles;
    }

    private static void search(String name, byte[] bytes, List<String> searched, List<String> leaks) {
        searched.add(name);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String needle : needles()) {
            if (text.contains(needle)) {
                leaks.add(name + " holds '" + needle.substring(0, 2) + "…' (" + needle.length() + " characters)");
            }
        }
        if (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (!entry.isDirectory()) {
                        search(name + "!" + entry.getName(), zip.readAllBytes(), searched, leaks);
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static List<String> entries(byte[] zipBytes) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    /** Rows of the image in the mask colour over at least 90% of their width. */
    private static int coveredRows(BufferedImage image) {
        int rows = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            if (magentaShare(image, 0, y, image.getWidth(), y + 1) >= 0.9) {
                rows++;
            }
        }
        return rows;
    }

    private static double magentaShare(BufferedImage image, int x0, int y0, int x1, int y1) {
        long count = 0;
        for (int x = x0; x < x1; x++) {
            for (int y = y0; y < y1; y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == 0xFF00FF) {
                    count++;
                }
            }
        }
        return (double) count / ((long) (x1 - x0) * (y1 - y0));
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> all = Files.walk(tmp)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    private static String logText() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent e : List.copyOf(logs.list)) {
            text.append(e.getLoggerName()).append(' ').append(e.getFormattedMessage());
            e.getMDCPropertyMap().forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
            if (e.getThrowableProxy() != null) {
                text.append('\n').append(ThrowableProxyUtil.asString(e.getThrowableProxy()));
            }
            text.append('\n');
        }
        return text.toString();
    }
}
