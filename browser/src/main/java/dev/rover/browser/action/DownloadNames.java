package dev.rover.browser.action;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Turns the name a site or a workflow suggests for a download into one safe file name in the
 * downloads folder: only its last path segment is kept, control and reserved characters become
 * {@code _}, and a name that is empty, only dots or slashes, or longer than a file system allows
 * is replaced by (or cut to) a generated one that keeps a short extension.
 */
final class DownloadNames {

    /** The name used when nothing usable is suggested. */
    static final String GENERATED = "download";
    /** File systems allow 255 bytes per name; room is left for a " (n)" suffix. */
    static final int MAX_BYTES = 200;

    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}\\u202a-\\u202e\\u2066-\\u2069\\u200e\\u200f<>:\"|?*]");
    private static final int MAX_EXTENSION = 16;

    private DownloadNames() {
    }

    /** A safe single-segment name for the suggestion, never blank. */
    static String safe(String suggested) {
        if (suggested == null) {
            return GENERATED;
        }
        String name = suggested.replace('\\', '/');
        int slash = name.lastIndexOf('/');
        name = UNSAFE.matcher(name.substring(slash + 1)).replaceAll("_").strip();
        if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
            return GENERATED;
        }
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        int budget = MAX_BYTES - extension.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder cut = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < stem.length(); ) {
            int cp = stem.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > budget) {
                break;
            }
            cut.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        return cut + extension;
    }
}
