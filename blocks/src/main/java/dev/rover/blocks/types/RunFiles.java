package dev.rover.blocks.types;

import dev.rover.blocks.cloud.AwsSettings;
import dev.rover.core.exec.RunServices;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Turns the file references of Skyvern's file blocks into local files: {@code SKYVERN_DOWNLOAD_DIRECTORY}
 * (the run's downloads folder) with or without a file name after it, http(s) URLs (fetched into the
 * run's downloads folder), {@code s3://bucket/key}, {@code file:} URIs and local paths.
 */
final class RunFiles {

    /** Skyvern's name for the run's downloads folder. */
    static final String DOWNLOAD_DIRECTORY = "SKYVERN_DOWNLOAD_DIRECTORY";

    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(60);

    private RunFiles() {
    }

    /** The run's downloads folder, created when missing. */
    static Path downloadsFolder(RunServices services) throws IOException {
        Path folder = services.downloadsFolder().orElseThrow(() -> new IllegalStateException(
                DOWNLOAD_DIRECTORY + " is not available: this run keeps no downloads folder"));
        Files.createDirectories(folder);
        return folder;
    }

    /**
     * The files a reference names: every regular file of a folder (sorted by name), else the one file.
     *
     * @throws IllegalArgumentException when it names nothing that exists
     */
    static List<Path> files(String reference, RunServices services) throws IOException, InterruptedException {
        Path path = file(reference, services);
        if (Files.isDirectory(path)) {
            try (Stream<Path> entries = Files.list(path)) {
                return entries.filter(Files::isRegularFile).sorted().toList();
            }
        }
        return List.of(path);
    }

    /** The local file or folder for a reference, fetching remote ones into the downloads folder. */
    static Path file(String reference, RunServices services) throws IOException, InterruptedException {
        String ref = reference == null ? "" : reference.trim();
        if (ref.isEmpty()) {
            throw new IllegalArgumentException("no file was named");
        }
        String lower = ref.toLowerCase(Locale.ROOT);
        if (ref.equals(DOWNLOAD_DIRECTORY) || ref.startsWith(DOWNLOAD_DIRECTORY + "/")) {
            Path folder = downloadsFolder(services);
            Path path = ref.equals(DOWNLOAD_DIRECTORY) ? folder
                    : folder.resolve(ref.substring(DOWNLOAD_DIRECTORY.length() + 1)).normalize();
            if (!path.startsWith(folder)) {
                throw new IllegalArgumentException("'" + ref + "' points outside " + DOWNLOAD_DIRECTORY);
            }
            return existing(path, ref);
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return fetch(URI.create(ref), services);
        }
        if (lower.startsWith("s3://")) {
            return fetchS3(URI.create(ref), services);
        }
        if (lower.startsWith("file:")) {
            return existing(Path.of(URI.create(ref)), ref);
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("'" + ref + "' uses a scheme Rover does not read; use http, https, s3, file or a local path");
        }
        return existing(Path.of(ref).toAbsolutePath().normalize(), ref);
    }

    private static Path existing(Path path, String ref) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("'" + ref + "' does not exist (" + path + ")");
        }
        return path;
    }

    private static Path fetch(URI uri, RunServices services) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(FETCH_TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(FETCH_TIMEOUT).GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw new IllegalArgumentException("fetching " + withoutQuery(uri) + " answered HTTP " + response.statusCode());
            }
            Path target = uniqueTarget(downloadsFolder(services), nameOf(uri.getPath()));
            Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
    }

    private static Path fetchS3(URI uri, RunServices services) throws IOException {
        String bucket = uri.getHost();
        String key = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        Path target = uniqueTarget(downloadsFolder(services), nameOf(key));
        try (S3Client s3 = AwsSettings.from(services.environment()).s3();
             InputStream in = s3.getObject(r -> r.bucket(bucket).key(key))) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static String nameOf(String path) {
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isBlank() ? "download" : name;
    }

    private static Path uniqueTarget(Path folder, String name) {
        Path target = folder.resolve(name);
        int dot = name.lastIndexOf('.');
        for (int i = 1; Files.exists(target); i++) {
            target = folder.resolve(dot > 0 ? name.substring(0, dot) + "_" + i + name.substring(dot) : name + "_" + i);
        }
        return target;
    }

    /** Scheme, host and path of a URL: a query string often carries a token. */
    static String withoutQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority() + (uri.getPath() == null ? "" : uri.getPath());
    }
}
