package dev.rover.core.definition;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

import java.io.IOException;

/**
 * Checks that a {@code .json} definition is strict JSON before the YAML parser (a superset that
 * tolerates trailing commas, comments and repeated keys) reads it for positions, so a file that
 * loads in Rover also loads in any other JSON tool.
 */
final class StrictJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Nodes.MAX_DEPTH).build())
            .build();

    private StrictJson() {
    }

    /** True when the text is one strict JSON value; otherwise false after reporting where and why it is not. */
    static boolean check(String content, Problems problems) {
        try (JsonParser parser = FACTORY.createParser(content)) {
            return check(parser, content, problems);
        } catch (IOException e) {
            add(null, "invalid JSON: " + e.getMessage(), problems);
            return false;
        }
    }

    private static boolean check(JsonParser parser, String content, Problems problems) throws IOException {
        try {
            if (parser.nextToken() == null) {
                return true; // an empty document is reported by the YAML reader like any empty file
            }
            parser.skipChildren();
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                add(parser.currentTokenLocation(), "invalid JSON: more content after the end of the document", problems);
                return false;
            }
            return true;
        } catch (JsonProcessingException e) {
            String message = describe(content, e);
            // a repeated key is reported where the key starts, as the YAML reader would
            if (message.startsWith("Duplicate field") && e.getLocation() != null) {
                problems.add(keyStart(content, (int) e.getLocation().getCharOffset(), problems), Problems.DOCUMENT,
                        "invalid JSON: " + message);
            } else {
                add(e.getLocation(), "invalid JSON: " + message, problems);
            }
            return false;
        }
    }

    /** Where the quoted key that ends just before {@code offset} starts. */
    private static SourcePosition keyStart(String content, int offset, Problems problems) {
        int end = Math.min(offset, content.length()) - 1;
        while (end > 0 && content.charAt(end) != '"') {
            end--;
        }
        int start = end - 1;
        while (start > 0 && !(content.charAt(start) == '"' && content.charAt(start - 1) != '\\')) {
            start--;
        }
        if (start < 0) {
            return problems.start();
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < start; i++) {
            if (content.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourcePosition(problems.source(), line, start - lineStart + 1);
    }

    private static String describe(String content, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        long offset = at == null ? -1 : at.getCharOffset();
        // Jackson points at the offending character or just past it
        for (long candidate = offset; candidate >= 0 && candidate >= offset - 1; candidate--) {
            if (candidate < content.length() && isTrailingComma(content, (int) candidate)) {
                return "trailing comma before '" + content.charAt((int) candidate) + "'";
            }
        }
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        int source = message.indexOf(" (for ");
        return source < 0 ? message : message.substring(0, source); // drops Jackson's "[Source: REDACTED ...]" detail
    }

    private static boolean isTrailingComma(String content, int close) {
        char c = content.charAt(close);
        int before = close - 1;
        while (before >= 0 && Character.isWhitespace(content.charAt(before))) {
            before--;
        }
        return (c == ']' || c == '}') && before >= 0 && content.charAt(before) == ',';
    }

    private static void add(JsonLocation location, String message, Problems problems) {
        SourcePosition position = location == null || location.getLineNr() < 1
                ? problems.start()
                : new SourcePosition(problems.source(), location.getLineNr(), Math.max(1, location.getColumnNr()));
        problems.add(position, Problems.DOCUMENT, message);
    }
}
