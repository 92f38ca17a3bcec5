package dev.rover.core.definition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Input that must neither hang nor exhaust the loader: devices, pipes and oversized files are refused
 * before anything is read, a very long line loads in linear time and memory, and {@code .json} files are strict JSON.
 */
class UntrustedInputTest {

    private final WorkflowLoader loader = new WorkflowLoader();

    @TempDir
    Path dir;

    @Test
    @EnabledOnOs(OS.LINUX)
    void aDeviceIsRefusedWithoutReadingIt() {
        assertThatThrownBy(() -> loader.load(Path.of("/dev/zero")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot read workflow definition /dev/zero: it is not a regular file (a device, pipe or socket)");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFifoIsRefusedInsteadOfBlocking() throws Exception {
        Path fifo = dir.resolve("pipe.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).isZero();

        assertThatThrownBy(() -> loader.load(fifo))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot read workflow definition " + fifo + ": it is not a regular file (a device, pipe or socket)");
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
        Path big = dir.resolve("big.yaml");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(DefinitionFiles.DEFAULT_MAX_BYTES + 1); // sparse: nothing is written
        }

        assertThatThrownBy(() -> loader.load(big))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot read workflow definition " + big + ": it is 3145729 bytes, more than the limit of 3145728 bytes");
        assertThat(loader.maxFileBytes()).isEqualTo(3L * 1024 * 1024);
    }

    @Test
    void aThreeMegabyteLineLoadsInLinearTimeAndMemory() throws IOException {
        String title = "x".repeat(3_000_000);
        Path file = Files.writeString(dir.resolve("long.yaml"), "title: \"" + title + "\"\nworkflow_definition: {blocks: []}\n");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();

        Workflow workflow = loader.load(file);

        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        assertThat(workflow.title()).hasSize(3_000_000);
        // SnakeYAML's own reader re-copied the whole token every 1 KB: about 17 GB allocated and 5-16 s
        assertThat(allocated).as("bytes allocated loading a 3 MB line").isLessThan(300L * 1024 * 1024);
        assertThat(millis).as("milliseconds to load a 3 MB line").isLessThan(4_000);
    }

    @Test
    void aLongJsonLineFullOfEscapedSlashesKeepsExactColumnsCheaply() {
        StringBuilder json = new StringBuilder("{\"title\": \"");
        json.append("a\\/".repeat(200_000)).append("\", \"workflow_definition\": {\"blocks\": [");
        for (int i = 0; i < 5_000; i++) {
            json.append(i == 0 ? "" : ", ").append("{\"block_type\": \"wait\", \"label\": \"w").append(i)
                    .append("\", \"wait_sec\": 1}");
        }
        json.append(", {\"block_type\": \"wait\", \"label\": \"last\", \"wait_sec\": 0}]}}");
        int column = json.indexOf("0}]}}") + 1;

        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> loader.load(json.toString(), "long.json"));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.position()).isEqualTo(new SourcePosition("long.json", 1, column));
            assertThat(p.message()).isEqualTo("wait_sec must be greater than 0 and at most 1800, found 0");
        });
    }

    @Test
    void jsonWithATrailingCommaIsAnErrorAtTheClosingBracket() {
        String json = "{\"title\": \"T\",\n \"workflow_definition\": {\"blocks\": [\n  {\"block_type\": \"wait\", \"label\": \"w\", \"wait_sec\": 1},\n ]}}\n";

        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> loader.load(json, "trailing.json"));

        assertThat(e.problems()).singleElement().hasToString("trailing.json:4:2: (document): invalid JSON: trailing comma before ']'");
        // the same text in a .yaml file is YAML flow style, where a trailing comma is allowed
        assertThat(loader.load(json, "trailing.yaml").blocks()).hasSize(1);
    }

    @Test
    void jsonWithARepeatedKeyInsideAnyMapIsAnErrorWhereTheKeyStarts() {
        String json = "{\"title\": \"T\", \"extra\": {\"a\": 1,\n   \"a\": 2}, \"workflow_definition\": {\"blocks\": []}}";

        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> loader.load(json, "dup.json"));

        assertThat(e.problems()).singleElement().hasToString("dup.json:2:4: (document): invalid JSON: Duplicate field 'a'");
    }

    @Test
    void jsonCommentsAndSingleQuotesAreErrors() {
        DefinitionException comment = catchThrowableOfType(DefinitionException.class, () -> loader.load(
                "{\"title\": \"T\", # note\n \"workflow_definition\": {\"blocks\": []}}", "comment.json"));
        DefinitionException quotes = catchThrowableOfType(DefinitionException.class, () -> loader.load(
                "{'title': 'T', \"workflow_definition\": {\"blocks\": []}}", "quotes.json"));

        assertThat(comment.problems()).singleElement().hasToString("comment.json:1:16: (document): invalid JSON: "
                + "Unexpected character ('#' (code 35)): was expecting double-quote to start field name");
        assertThat(quotes.problems()).singleElement().hasToString("quotes.json:1:2: (document): invalid JSON: "
                + "Unexpected character (''' (code 39)): was expecting double-quote to start field name");
    }

    @Test
    void aJsonFileWithTwoDocumentsIsAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("two.json"), "{\"title\": \"T\", \"workflow_definition\": {\"blocks\": []}}\n{}\n");

        assertThat(catchThrowableOfType(DefinitionException.class, () -> loader.load(file)).problems())
                .singleElement().hasToString(file + ":2:1: (document): invalid JSON: more content after the end of the document");
    }
}
