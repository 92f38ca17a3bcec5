package dev.rover.core.secret;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Writes files that only their owner may read (rw-------), with the permission set when the file
 * is created rather than afterwards, so key material is never readable by others even briefly.
 * On file systems without POSIX permissions it logs a warning and writes a normal file.
 */
public final class OwnerOnlyFile {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyFile.class);
    private static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR_PERMISSIONS = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFile() {
    }

    /** Whether the file system holding this path supports POSIX permissions. */
    public static boolean isPosix(Path path) {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        Path probe = existing == null ? path.toAbsolutePath() : existing;
        return probe.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the directory (and parents) when missing; a newly created last level is owner-only. */
    public static void createDirectories(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                return;
            }
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (isPosix(dir)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_PERMISSIONS));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw new UncheckedIOException("cannot create directory " + dir + ": a file of that name exists", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the content to the target through an owner-only temporary file in the same folder,
     * then moves it into place (atomically where the file system allows), replacing any old file.
     */
    public static void write(Path target, byte[] content) {
        Path temp = writeTemp(target, content);
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temp, e);
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the file, or when it does not exist creates it with the generated content (owner-only,
     * never replacing a file another process created meanwhile, whose content then wins).
     */
    public static byte[] readOrCreate(Path target, Supplier<byte[]> generator) {
        try {
            if (Files.exists(target)) {
                return Files.readAllBytes(target);
            }
            byte[] content = generator.get();
            Path temp = writeTemp(target, content);
            try {
                Files.move(temp, target);
                LOG.info("created owner-only file {}", target);
                return content;
            } catch (FileAlreadyExistsException e) {
                deleteQuietly(temp, e);
                return Files.readAllBytes(target);
            } catch (IOException e) {
                deleteQuietly(temp, e);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + target + ": " + e.getMessage(), e);
        }
    }

    private static Path writeTemp(Path target, byte[] content) {
        Path dir = target.toAbsolutePath().getParent();
        createDirectories(dir);
        try {
            Path temp;
            if (isPosix(dir)) {
                FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS);
                temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp", attr);
            } else {
                LOG.warn("file system of {} has no POSIX permissions; {} is protected only by the folder's access rules",
                        dir, target.getFileName());
                temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            }
            try {
                Files.write(temp, content);
            } catch (IOException e) {
                deleteQuietly(temp, e);
                throw e;
            }
            return temp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a temporary file next to " + target + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path temp, Exception cause) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            cause.addSuppressed(e);
            LOG.warn("could not delete temporary file {}: {}", temp, e.getMessage());
        }
    }
}
