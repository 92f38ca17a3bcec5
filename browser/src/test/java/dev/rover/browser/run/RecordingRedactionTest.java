package dev.rover.browser.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordingRedactionTest {

    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, (byte) 0xc3, 0x28, 0x00, 0x7f};

    @Test
    void textEntriesLoseTheSecretAndBinaryEntriesStayByteForByte(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("recording.zip");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("trace.trace", "{\"method\":\"fill\",\"params\":{\"value\":\"hunter2-secret\"}}\n".getBytes(StandardCharsets.UTF_8));
        entries.put("trace.network", "{\"postData\":\"user=ann&password=hunter2-secret\"}".getBytes(StandardCharsets.UTF_8));
        entries.put("resources/page@1.jpeg", JPEG);
        entries.put("resources/style.css", "body { color: black }".getBytes(StandardCharsets.UTF_8));
        write(zip, entries);

        int changed = RecordingRedaction.redact(zip, s -> s.replace("hunter2-secret", "{{password}}"));

        assertThat(changed).isEqualTo(2);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.stream().map(ZipEntry::getName)).containsExactlyElementsOf(entries.keySet());
            assertThat(new String(z.getInputStream(z.getEntry("trace.trace")).readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"method\":\"fill\",\"params\":{\"value\":\"{{password}}\"}}\n");
            assertThat(new String(z.getInputStream(z.getEntry("trace.network")).readAllBytes(), StandardCharsets.UTF_8))
                    .doesNotContain("hunter2-secret").contains("password={{password}}");
            assertThat(z.getInputStream(z.getEntry("resources/page@1.jpeg")).readAllBytes()).isEqualTo(JPEG);
            assertThat(z.getInputStream(z.getEntry("resources/style.css")).readAllBytes()).isEqualTo(entries.get("resources/style.css"));
        }
        assertThat(dir.resolve("recording.zip.redacting")).doesNotExist();
    }

    @Test
    void secretsInsideFormEncodedWordsAreRedactedToo() {
        UnaryOperator<String> redact = s -> s.replace("ann@example.com", "placeholder_user").replace("p w+d", "placeholder_pw");
        assertThat(RecordingRedaction.formEncoded("user=ann%40example.com&password=p+w%2Bd&next=%2Fhome", redact))
                .isEqualTo("user=placeholder_user&password=placeholder_pw&next=%2Fhome");
        assertThat(RecordingRedaction.formEncoded("100% sure, a+b", redact)).isEqualTo("100% sure, a+b");
        assertThat(RecordingRedaction.formEncoded("bad %zz escape ann%40example.com%", redact)).isEqualTo("bad %zz escape ann%40example.com%");
    }

    @Test
    void aFileThatIsNotAZipIsLeftAloneAndReported(@TempDir Path dir) throws IOException {
        Path notZip = Files.writeString(dir.resolve("recording.zip"), "not a zip");
        assertThatThrownBy(() -> RecordingRedaction.redact(notZip, s -> s)).isInstanceOf(IOException.class)
                .hasMessageContaining("recording.zip").hasMessageContaining("no zip entries");
        assertThat(notZip).hasContent("not a zip");
        assertThat(dir.resolve("recording.zip.redacting")).doesNotExist();
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
}
