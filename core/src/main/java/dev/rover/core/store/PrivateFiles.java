package dev.rover.core.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Keeps Rover's data directory owner-only: folders {@code rwx------} and files {@code rw-------},
 * because run folders hold screenshots, page text, downloads and recordings that can show private
 * data. Permissions are given at creation where Java allows it and tightened otherwise (files the
 * browser or SQLite create). On file systems without POSIX permissions nothing is changed.
 */
public final class PrivateFiles {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);
    /** Owner read, write and search. */
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    /** Owner read and write. */
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * The folder, created if missing with every missing level owner-only; an existing folder is
     * tightened to owner-only when {@code tighten} is true (folders Rover owns, not a user-chosen root).
     */
    public static Path directory(Path dir, boolean tighten) {
        try {
            if (Files.isDirectory(dir)) {
                if (tighten) {
                    restrict(dir, DIRECTORY);
                }
                return dir;
            }
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                directory(parent, false);
            }
            if (isPosix(parent)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } else {
                Files.createDirectory(dir);
            }
            return dir;
        } catch (FileAlreadyExistsException e) {
            if (Files.isDirectory(dir)) {
                return dir; // created concurrently
            }
            throw new UncheckedIOException("cannot create folder " + dir + ": a file of that name exists", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Creates an empty owner-only file; fails if it exists. */
    public static Path createFile(Path file) throws IOException {
        if (isPosix(file.toAbsolutePath().getParent())) {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        }
        return Files.createFile(file);
    }

    /** Makes an existing file owner-only (a file another program created with default permissions). */
    public static void restrictFile(Path file) {
        restrict(file, FILE);
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) {
        try {
            if (isPosix(path) && !Files.getPosixFilePermissions(path).equals(permissions)) {
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("could not make {} owner-only: {}", path, e.getMessage());
        }
    }

    private static boolean isPosix(Path path) {
        return path != null && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
