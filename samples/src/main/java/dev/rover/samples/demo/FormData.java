package dev.rover.samples.demo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a submitted form, URL-encoded or multipart. Uploaded files are kept as their
 * name and size only: the demo portal shows that a file arrived, it does not store it.
 */
final class FormData {

    private final Map<String, List<String>> fields = new LinkedHashMap<>();
    private final Map<String, UploadedFile> files = new LinkedHashMap<>();

    /** A file that came with a multipart form. */
    record UploadedFile(String fileName, long size) {
    }

    static FormData parse(String contentType, byte[] body) {
        FormData form = new FormData();
        if (contentType != null && contentType.startsWith("multipart/form-data")) {
            form.parseMultipart(boundary(contentType), body);
        } else {
            form.parseQuery(new String(body, StandardCharsets.UTF_8));
        }
        return form;
    }

    static FormData query(String rawQuery) {
        FormData form = new FormData();
        if (rawQuery != null) {
            form.parseQuery(rawQuery);
        }
        return form;
    }

    String get(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    UploadedFile file(String name) {
        return files.get(name);
    }

    private void parseQuery(String query) {
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
    }

    private static String boundary(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.startsWith("boundary=")) {
                return p.substring("boundary=".length()).replace("\"", "");
            }
        }
        throw new IllegalArgumentException("multipart form without a boundary in its Content-Type: " + contentType);
    }

    private void parseMultipart(String boundary, byte[] body) {
        // ISO-8859-1 maps bytes 1:1 to chars, so offsets and sizes stay byte-exact.
        String all = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        for (String part : all.split(java.util.regex.Pattern.quote(delimiter))) {
            int headerEnd = part.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headerEnd);
            String content = part.substring(headerEnd + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            // Browsers send header parameters as raw UTF-8; the ISO-8859-1 view must be re-read as such.
            String name = utf8(attribute(headers, "name"));
            if (name == null) {
                continue;
            }
            String fileName = utf8(attribute(headers, "filename"));
            if (fileName != null) {
                if (!fileName.isEmpty()) {
                    files.put(name, new UploadedFile(fileName, content.length()));
                }
            } else {
                fields.computeIfAbsent(name, k -> new ArrayList<>()).add(utf8(content));
            }
        }
    }

    private static String utf8(String latin1View) {
        return latin1View == null ? null : new String(latin1View.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static String attribute(String headers, String attribute) {
        var m = java.util.regex.Pattern.compile("\\b" + attribute + "=\"([^\"]*)\"").matcher(headers);
        return m.find() ? m.group(1) : null;
    }
}
