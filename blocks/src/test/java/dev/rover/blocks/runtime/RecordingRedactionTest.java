package dev.rover.blocks.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordingRedactionTest {

    private static final UnaryOperator<String> REDACT = s -> s.replace("hunter2-pässword", "placeholder_ab12_password");

    @Test
    void replacesSecretsInTextEntriesAndKeepsBinaryEntriesIntact(@TempDir Path dir) throws IOException {
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, (byte) 0xfe, 1, 2, 3};
        Path zip = dir.resolve("recording.zip");
        write(zip, Map.of("trace.trace", "{\"method\":\"fill\",\"value\":\"hunter2-pässword\"}".getBytes(StandardCharsets.UTF_8),
                "resources/shot.png", binary));

        RecordingRedaction.redact(zip, REDACT);

        Map<String, byte[]> entries = read(zip);
        assertThat(new String(entries.get("trace.trace"), StandardCharsets.UTF_8))
                .isEqualTo("{\"method\":\"fill\",\"value\":\"placeholder_ab12_password\"}");
        assertThat(entries.get("resources/shot.png")).isEqualTo(binary);
        assertThat(dir.resolve("recording.zip.redacting")).doesNotExist();
    }

    @Test
    void aRecordingThatCannotBeReadIsDeletedRatherThanKept(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("recording.zip");
        Files.createDirectory(zip);

        assertThatThrownBy(() -> RecordingRedaction.redact(zip, REDACT))
                .hasMessageContaining("could not redact the recording " + zip);
        assertThat(zip).doesNotExist();
    }

    private static void write(Path zip, Map<String, byte[]> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }

    private static Map<String, byte[]> read(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
