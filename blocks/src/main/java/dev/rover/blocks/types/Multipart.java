package dev.rover.blocks.types;

import dev.rover.core.exec.RunSecrets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body for an {@code http_request} block's {@code files} (form field to
 * local file path) and the form fields of a map {@code body}.
 */
final class Multipart {

    private final String boundary = "rover-" + UUID.randomUUID();
    private final byte[] bytes;

    Multipart(Map<String, Object> files, Map<?, ?> fields, RunSecrets secrets) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<?, ?> field : fields.entrySet()) {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quoted(field.getKey()) + "\"\r\n\r\n");
            write(out, secrets.resolve(String.valueOf(field.getValue())) + "\r\n");
        }
        for (Map.Entry<String, Object> file : files.entrySet()) {
            Path path = Path.of(String.valueOf(file.getValue()));
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("files." + file.getKey() + ": no file at " + path);
            }
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quoted(file.getKey())
                    + "\"; filename=\"" + quoted(path.getFileName()) + "\"\r\nContent-Type: "
                    + contentTypeOf(path) + "\r\n\r\n");
            out.write(Files.readAllBytes(path));
            write(out, "\r\n");
        }
        write(out, "--" + boundary + "--\r\n");
        bytes = out.toByteArray();
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    byte[] bytes() {
        return bytes;
    }

    private static String contentTypeOf(Path path) throws IOException {
        String probed = Files.probeContentType(path);
        return probed == null ? "application/octet-stream" : probed;
    }

    private static String quoted(Object name) {
        return String.valueOf(name).replace("\"", "%22").replace("\r", "").replace("\n", "");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
