package dev.rover.core.definition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the text files a user points Rover at (workflow definitions, JSON schemas) safely: only a
 * regular file is opened, so a device such as {@code /dev/zero} cannot exhaust memory and a FIFO cannot
 * block for ever, and a file over the size limit is refused before it is read.
 */
public final class DefinitionFiles {

    /** The largest file read by default: 3 MiB. */
    public static final long DEFAULT_MAX_BYTES = 3L * 1024 * 1024;

    private DefinitionFiles() {
    }

    /**
     * The file's UTF-8 text.
     *
     * @param what     what the file is, for messages ({@code "workflow definition"}, {@code "schema"})
     * @param maxBytes the largest size accepted
     * @throws UncheckedIOException naming the file and why when it is missing, not a regular file, too
     *                              large, unreadable or not UTF-8
     */
    public static String readText(Path file, String what, long maxBytes) {
        String prefix = "cannot read " + what + " " + file + ": ";
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(prefix + "no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException(prefix + e.getMessage(), e);
        }
        if (attributes.isDirectory()) {
            throw new UncheckedIOException(prefix + "it is a directory", new IOException("directory"));
        }
        if (!attributes.isRegularFile()) {
            throw new UncheckedIOException(prefix + "it is not a regular file (a device, pipe or socket)",
                    new IOException("not a regular file"));
        }
        if (attributes.size() > maxBytes) {
            throw new UncheckedIOException(prefix + tooLarge(attributes.size(), maxBytes), new IOException("too large"));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) maxBytes + 1); // the file may have grown since its size was read
        } catch (IOException e) {
            throw new UncheckedIOException(prefix + e.getMessage(), e);
        }
        if (bytes.length > maxBytes) {
            throw new UncheckedIOException(prefix + "it is more than " + maxBytes + " bytes, the limit",
                    new IOException("too large"));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UncheckedIOException(prefix + "it is not UTF-8 text", e);
        }
    }

    private static String tooLarge(long size, long maxBytes) {
        return "it is " + size + " bytes, more than the limit of " + maxBytes + " bytes";
    }
}
