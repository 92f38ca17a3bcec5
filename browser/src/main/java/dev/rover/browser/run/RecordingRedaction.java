package dev.rover.browser.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Scrubs a run's recording (a Playwright trace zip) of secret values: the trace logs every typed
 * value, DOM snapshots keep input values and network entries keep form posts, so the real password
 * typed at login would otherwise sit in the data directory. Text entries are redacted; binary ones
 * (screenshots) are copied unchanged.
 */
final class RecordingRedaction {

    /** A run of URL-safe characters holding at least one escape or '+' (an encoded space). */
    private static final Pattern ENCODED_WORD = Pattern.compile("[A-Za-z0-9._~*\\-]*(?:%[0-9A-Fa-f]{2}|\\+)[A-Za-z0-9._~*%+\\-]*");

    private RecordingRedaction() {
    }

    /**
     * Rewrites {@code zip} in place with every UTF-8 text entry passed through {@code redact}, as it
     * stands and inside form-encoded words.
     *
     * @return how many entries changed
     * @throws IOException when the file cannot be read or written, or is not a zip; {@code zip} is then left as it was
     */
    static int redact(Path zip, UnaryOperator<String> redact) throws IOException {
        Path scrubbed = zip.resolveSibling(zip.getFileName() + ".redacting");
        int changed = 0;
        int entries = 0;
        try (InputStream raw = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(raw);
             OutputStream target = Files.newOutputStream(scrubbed); ZipOutputStream out = new ZipOutputStream(target)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries++;
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (!entry.isDirectory()) {
                    byte[] bytes = in.readAllBytes();
                    Optional<String> text = utf8(bytes);
                    if (text.isPresent()) {
                        String redacted = formEncoded(redact.apply(text.get()), redact);
                        if (!redacted.equals(text.get())) {
                            changed++;
                            bytes = redacted.getBytes(StandardCharsets.UTF_8);
                        }
                    }
                    out.write(bytes);
                }
                out.closeEntry();
            }
            if (entries == 0) {
                throw new IOException(zip + " holds no zip entries, so it is no trace recording");
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(scrubbed);
            throw e;
        }
        Files.move(scrubbed, zip, StandardCopyOption.REPLACE_EXISTING);
        return changed;
    }

    /**
     * Redacts secrets inside form-encoded words ({@code user=ann%40example.com}): a recorded form
     * post keeps the values encoded, so a plain search would miss a secret holding {@code @} or a space.
     */
    static String formEncoded(String text, UnaryOperator<String> redact) {
        Matcher m = ENCODED_WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String word = m.group();
            String replacement = word;
            try {
                String decoded = URLDecoder.decode(word, StandardCharsets.UTF_8);
                String redacted = redact.apply(decoded);
                if (!redacted.equals(decoded)) {
                    replacement = URLEncoder.encode(redacted, StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException e) {
                // a stray '%' that starts no escape: the word is no form encoding, keep it as it is
                replacement = word;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
