package dev.rover.blocks.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a run's recording (a Playwright trace zip) with every secret value replaced by its
 * placeholder: the trace logs the real text typed into fields and the bodies of form posts, so
 * without this a password would sit in the run's artifacts.
 */
final class RecordingRedaction {

    private RecordingRedaction() {
    }

    /**
     * Redacts every entry of the zip in place. When the zip cannot be rewritten it is deleted
     * rather than kept with secrets, and the failure is thrown.
     */
    static void redact(Path zip, UnaryOperator<String> redactor) {
        Path rewritten = zip.resolveSibling(zip.getFileName() + ".redacting");
        try {
            try (InputStream file = Files.newInputStream(zip);
                 ZipInputStream in = new ZipInputStream(file);
                 OutputStream target = Files.newOutputStream(rewritten);
                 ZipOutputStream out = new ZipOutputStream(target)) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    out.write(redacted(in.readAllBytes(), redactor));
                    out.closeEntry();
                }
            }
            Files.move(rewritten, zip, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(rewritten);
                Files.deleteIfExists(zip);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new UncheckedIOException("could not redact the recording " + zip + ", so it was deleted: " + e.getMessage(), e);
        }
    }

    /** Text entries are redacted as UTF-8; anything else byte for byte (ISO-8859-1), which leaves binary content intact. */
    static byte[] redacted(byte[] content, UnaryOperator<String> redactor) {
        String utf8 = strictUtf8(content);
        if (utf8 != null) {
            String result = redactor.apply(utf8);
            return result.equals(utf8) ? content : result.getBytes(StandardCharsets.UTF_8);
        }
        String bytes = new String(content, StandardCharsets.ISO_8859_1);
        String result = redactor.apply(bytes);
        return result.equals(bytes) ? content : result.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String strictUtf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notText) {
            return null;
        }
    }
}
