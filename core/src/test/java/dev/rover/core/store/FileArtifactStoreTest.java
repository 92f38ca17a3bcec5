package dev.rover.core.store;

import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileArtifactStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");

    @TempDir
    Path home;

    private FileArtifactStore store;
    private final RunId run = RunId.next(RunType.WORKFLOW);

    @BeforeEach
    void open() {
        store = new FileArtifactStore(RoverHome.at(home), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void putWritesUnderTheRunsArtifactFolderAndReadsBack() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

        ArtifactRecord record = store.put(run, ArtifactType.SCREENSHOT_ACTION, "login", 3, "step-3-action-1.png",
                "image/png", png);

        Path expected = home.resolve("runs").resolve(run.value()).resolve("artifacts").resolve("step-3-action-1.png");
        assertThat(record.uri()).startsWith("file:").isEqualTo(expected.toUri().toString());
        assertThat(Path.of(URI.create(record.uri()))).hasBinaryContent(png);
        assertThat(record.size()).isEqualTo(png.length);
        assertThat(record.artifactId()).startsWith("a_");
        assertThat(record.runId()).isEqualTo(run);
        assertThat(record.type()).isEqualTo(ArtifactType.SCREENSHOT_ACTION);
        assertThat(record.blockLabel()).isEqualTo("login");
        assertThat(record.step()).isEqualTo(3);
        assertThat(record.contentType()).isEqualTo("image/png");
        assertThat(record.createdAt()).isEqualTo(NOW);
        assertThat(store.read(record)).isEqualTo(png);
    }

    @Test
    void sameNameTwiceGetsUniqueFiles() throws Exception {
        ArtifactRecord first = store.put(run, ArtifactType.LLM_PROMPT, null, null, "prompt.txt", "text/plain", bytes("one"));
        ArtifactRecord second = store.put(run, ArtifactType.LLM_PROMPT, null, null, "prompt.txt", "text/plain", bytes("two"));
        ArtifactRecord third = store.put(run, ArtifactType.LLM_PROMPT, null, null, "prompt.txt", "text/plain", bytes("3"));

        assertThat(first.uri()).endsWith("/prompt.txt");
        assertThat(second.uri()).endsWith("/prompt-2.txt");
        assertThat(third.uri()).endsWith("/prompt-3.txt");
        assertThat(first.artifactId()).isNotEqualTo(second.artifactId());
        assertThat(new String(store.read(first), StandardCharsets.UTF_8)).isEqualTo("one");
        assertThat(new String(store.read(second), StandardCharsets.UTF_8)).isEqualTo("two");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.png", "../../runs/x.png", "sub/dir.png", "..\\windows.png", "..", "/etc/passwd"})
    void namesThatLeaveTheFolderAreRefused(String name) {
        assertThatThrownBy(() -> store.put(run, ArtifactType.SCREENSHOT_LLM, null, null, name, "image/png", bytes("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(run.value())
                .hasMessageContaining("plain file name");
        assertThat(home.resolve("runs").resolve("escape.png")).doesNotExist();
        assertThat(home.resolve("escape.png")).doesNotExist();
    }

    @Test
    void oddCharactersAreSanitised() throws Exception {
        assertThat(fileNameOf(store.put(run, ArtifactType.HTML_SCRAPE, null, null, "page: <home>?.html", "text/html",
                bytes("<p>")))).isEqualTo("page___home__.html");
        assertThat(fileNameOf(store.put(run, ArtifactType.HTML_SCRAPE, null, null, ".hidden", null, bytes("h"))))
                .isEqualTo("hidden");
        assertThat(fileNameOf(store.put(run, ArtifactType.REPORT, null, null, "", null, bytes("r"))))
                .isEqualTo("artifact");
        String longName = "x".repeat(300) + ".json";
        String stored = fileNameOf(store.put(run, ArtifactType.LLM_RESPONSE, null, null, longName, null, bytes("{}")));
        assertThat(stored).hasSizeLessThanOrEqualTo(120).endsWith(".json");
    }

    @Test
    void putFileMovesAFileIn() throws Exception {
        Path trace = Files.writeString(home.resolve("trace.zip"), "zipped");

        ArtifactRecord record = store.putFile(run, ArtifactType.TRACE, null, null, trace, "application/zip");

        assertThat(trace).doesNotExist();
        Path stored = Path.of(URI.create(record.uri()));
        assertThat(stored.getParent()).isEqualTo(store.artifactsDirectory(run));
        assertThat(stored).hasContent("zipped");
        assertThat(record.size()).isEqualTo(6);
    }

    @Test
    void aDownloadAlreadyInTheRunFolderIsRecordedWhereItIs() throws Exception {
        Path downloads = new RunFolders(RoverHome.at(home)).downloads(run);
        assertThat(downloads).isDirectory().isEqualTo(home.resolve("runs").resolve(run.value()).resolve("downloads"));
        Path invoice = Files.writeString(downloads.resolve("invoice.pdf"), "%PDF");

        ArtifactRecord record = store.putFile(run, ArtifactType.DOWNLOAD, "fetch", null, invoice, "application/pdf");

        assertThat(invoice).exists();
        assertThat(record.uri()).isEqualTo(invoice.toUri().toString());
        assertThat(store.read(record)).isEqualTo(bytes("%PDF"));
    }

    @Test
    void runDirectoryIsUnderRuns() {
        assertThat(new RunFolders(RoverHome.at(home)).run(run)).isDirectory().isEqualTo(home.resolve("runs").resolve(run.value()));
    }

    @Test
    void runIdsThatWouldLeaveTheRunsFolderAreRefused() {
        assertThatThrownBy(() -> new RunFolders(RoverHome.at(home)).run(RunId.of("wr_../../etc")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wr_../../etc");
    }

    @Test
    void contentGoesInAndComesOutAsStreams() throws Exception {
        ArtifactRecord record = store.put(run, ArtifactType.REPORT, null, null, "page.html", "text/html",
                new java.io.ByteArrayInputStream(bytes("<p>streamed</p>")));

        try (java.io.InputStream in = store.open(record)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes("<p>streamed</p>"));
        }
        assertThat(record.size()).isEqualTo(15);
        assertThat(record.uri()).startsWith("file:");
    }

    @Test
    void readRefusesRecordsPointingOutsideTheHome() throws Exception {
        Path outside = Files.writeString(Files.createTempFile("outside", ".txt"), "secret");
        try {
            ArtifactRecord forged = new ArtifactRecord("a_x", run, ArtifactType.REPORT, null, null,
                    outside.toUri().toString(), "text/plain", 6, NOW);
            assertThatThrownBy(() -> store.read(forged)).isInstanceOf(java.io.IOException.class)
                    .hasMessageContaining("a_x").hasMessageContaining("outside");
            ArtifactRecord remote = new ArtifactRecord("a_y", run, ArtifactType.REPORT, null, null,
                    "https://example.com/x", "text/plain", 6, NOW);
            assertThatThrownBy(() -> store.read(remote)).isInstanceOf(java.io.IOException.class)
                    .hasMessageContaining("file:");
        } finally {
            Files.delete(outside);
        }
    }

    private static String fileNameOf(ArtifactRecord record) {
        return Path.of(URI.create(record.uri())).getFileName().toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
