package dev.rover.core.store;

import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.RunId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Keeps artifacts as plain files under {@code <home>/runs/<run_id>/artifacts/}, so that a person can open
 * them directly and a report can link them with {@code file:} URIs. File names are sanitised and made
 * unique; names that try to leave the folder are refused. Folders and files are owner-only ({@link PrivateFiles}).
 */
public final class FileArtifactStore implements ArtifactStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileArtifactStore.class);
    private static final int MAX_NAME_LENGTH = 120;
    private static final int MAX_ATTEMPTS = 10_000;

    private final RunFolders folders;
    private final Clock clock;

    /** Artifacts of the runs of this home. */
    public FileArtifactStore(RoverHome home) {
        this(home, Clock.systemUTC());
    }

    /** Artifacts of the runs of this home, time-stamped by this clock. */
    public FileArtifactStore(RoverHome home, Clock clock) {
        this.folders = new RunFolders(Objects.requireNonNull(home, "home"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ArtifactRecord put(RunId runId, ArtifactType type, String blockLabel, Integer step, String fileName,
                              String contentType, InputStream content) throws IOException {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(content, "content");
        Path target = reserve(artifactsDirectory(runId), ArtifactFileName.sanitise(fileName, runId));
        // written into the owner-only file reserve() created, never replacing it with a default-permission one
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            content.transferTo(out);
        }
        return record(runId, type, blockLabel, step, target, contentType);
    }

    /**
     * Moves the file into the run's artifact folder (copying when a move is not possible); a file already
     * inside the run's folder (a download, say) is recorded where it is.
     */
    @Override
    public ArtifactRecord putFile(RunId runId, ArtifactType type, String blockLabel, Integer step, Path file,
                                  String contentType) throws IOException {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(file, "file");
        Path source = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(source)) {
            throw new IOException("cannot store artifact for run " + runId + ": " + source + " is not a readable file");
        }
        Path runDirectory = folders.run(runId);
        if (source.toRealPath().startsWith(runDirectory.toRealPath())) {
            PrivateFiles.restrictFile(source); // the browser wrote it with default permissions
            return record(runId, type, blockLabel, step, source, contentType);
        }
        Path target = reserve(artifactsDirectory(runId),
                ArtifactFileName.sanitise(String.valueOf(source.getFileName()), runId));
        try {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            LOG.debug("{} cannot be moved atomically into {} ({}); copying it", source, target, e.getMessage());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            Files.delete(source);
        }
        PrivateFiles.restrictFile(target);
        return record(runId, type, blockLabel, step, target, contentType);
    }

    @Override
    public InputStream open(ArtifactRecord artifact) throws IOException {
        Objects.requireNonNull(artifact, "artifact");
        try {
            return Files.newInputStream(pathOf(artifact));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Where an artifact's content is on disk.
     *
     * @throws IllegalArgumentException when its URI is not a {@code file:} URI inside this home's run folders
     */
    public Path pathOf(ArtifactRecord artifact) {
        URI uri;
        try {
            uri = URI.create(Objects.requireNonNull(artifact.uri(), "artifact uri"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("artifact " + artifact.artifactId() + " has a malformed URI '"
                    + artifact.uri() + "'", e);
        }
        if (!"file".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("artifact " + artifact.artifactId() + " is not a local file ("
                    + artifact.uri() + "); this store reads only file: URIs");
        }
        Path path = Path.of(uri).toAbsolutePath().normalize();
        if (!path.startsWith(folders.runs())) {
            throw new IllegalArgumentException("artifact " + artifact.artifactId() + " points outside "
                    + folders.runs() + ": " + path);
        }
        return path;
    }

    /** {@code <home>/runs/<run_id>/artifacts}, created if missing. */
    public Path artifactsDirectory(RunId runId) {
        return createDirectories(folders.run(runId).resolve("artifacts"));
    }

    /** Creates an empty file with this name, or with {@code -2}, {@code -3}... before the extension if taken. */
    private static Path reserve(Path directory, String name) throws IOException {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; n <= MAX_ATTEMPTS; n++) {
            Path candidate = directory.resolve(n == 1 ? name : stem + "-" + n + extension);
            try {
                return PrivateFiles.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                // try the next suffix
            }
        }
        throw new IOException("no free file name like '" + name + "' in " + directory + " after " + MAX_ATTEMPTS
                + " attempts");
    }

    private ArtifactRecord record(RunId runId, ArtifactType type, String blockLabel, Integer step, Path file,
                                  String contentType) throws IOException {
        return new ArtifactRecord(ArtifactRecord.newId(), runId, type, blockLabel, step, file.toUri().toString(),
                contentType == null ? "application/octet-stream" : contentType, Files.size(file), clock.instant());
    }

    private static Path createDirectories(Path dir) {
        try {
            return PrivateFiles.directory(dir, false);
        } catch (java.io.UncheckedIOException e) {
            throw new java.io.UncheckedIOException("cannot create the run folder " + dir + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** Name rules kept apart so they can be read (and tested) on their own. */
    static final class ArtifactFileName {

        private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

        private ArtifactFileName() {
        }

        /**
         * A safe single-segment file name: characters outside {@code [A-Za-z0-9._-]} become {@code _}, leading
         * dots are dropped, the length is capped keeping the extension; an empty result becomes {@code artifact}.
         *
         * @throws IllegalArgumentException when the name contains a path separator or a {@code ..} segment
         */
        static String sanitise(String fileName, RunId runId) {
            if (fileName == null || fileName.isBlank()) {
                return "artifact";
            }
            if (fileName.contains("/") || fileName.contains("\\") || fileName.equals("..")
                    || fileName.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("artifact file name '" + fileName.replace("\0", "\\0") + "' for run "
                        + runId + " must be a plain file name without folders ('/', '\\' or '..')");
            }
            String safe = UNSAFE.matcher(fileName.strip()).replaceAll("_").replaceFirst("^\\.+", "");
            if (safe.length() > MAX_NAME_LENGTH) {
                int dot = safe.lastIndexOf('.');
                String extension = dot > 0 && safe.length() - dot <= 16 ? safe.substring(dot) : "";
                safe = safe.substring(0, MAX_NAME_LENGTH - extension.length()) + extension;
            }
            return safe.isEmpty() ? "artifact" : safe;
        }
    }
}
