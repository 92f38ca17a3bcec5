package dev.rover.core.store;

import dev.rover.core.env.EnvironmentVariables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Rover's data directory, where the run database, run files, browser profiles and credentials live;
 * one place to decide it ({@code ROVER_HOME}, then {@code -Drover.home}, then {@code ~/.rover}) so
 * that every component agrees. Folders are created when first asked for, owner-only ({@link PrivateFiles}).
 */
public final class RoverHome {

    /** Environment variable naming the data directory. */
    public static final String ENV_VARIABLE = "ROVER_HOME";
    /** System property naming the data directory when the environment variable is not set. */
    public static final String SYSTEM_PROPERTY = "rover.home";
    /** File name of the embedded run database inside the home. */
    public static final String DATABASE_FILE = "rover.db";

    private final Path root;

    private RoverHome(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** A home at this directory (created on first use). */
    public static RoverHome at(Path root) {
        return new RoverHome(Objects.requireNonNull(root, "root"));
    }

    /** The home this process is configured for: env {@code ROVER_HOME}, else {@code rover.home}, else {@code ~/.rover}. */
    public static RoverHome fromEnvironment() {
        return fromEnvironment(EnvironmentVariables.system());
    }

    /** The home these variables configure: {@code ROVER_HOME}, else {@code rover.home}, else {@code ~/.rover}. */
    public static RoverHome fromEnvironment(EnvironmentVariables environment) {
        return resolve(name -> environment.get(name).orElse(null), System::getProperty, Path.of(System.getProperty("user.home")));
    }

    /**
     * The home chosen from the given sources, in the documented order; blank values count as unset.
     *
     * @param environment   looks up environment variables
     * @param systemProperties looks up system properties
     * @param userHome      the user's home directory, for the {@code ~/.rover} default
     */
    public static RoverHome resolve(UnaryOperator<String> environment, UnaryOperator<String> systemProperties,
                                    Path userHome) {
        String fromEnv = environment.apply(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return at(Path.of(fromEnv.strip()));
        }
        String fromProperty = systemProperties.apply(SYSTEM_PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return at(Path.of(fromProperty.strip()));
        }
        return at(userHome.resolve(".rover"));
    }

    /** The home directory itself, created (owner-only) if missing. */
    public Path root() {
        return ensureDirectory(root, false);
    }

    /**
     * The embedded run database file ({@code <home>/rover.db}), created empty and owner-only if missing
     * (SQLite gives its journal files the database file's permissions) and tightened if it exists.
     */
    public Path database() {
        Path file = root().resolve(DATABASE_FILE);
        try {
            PrivateFiles.createFile(file);
        } catch (java.nio.file.FileAlreadyExistsException exists) {
            PrivateFiles.restrictFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run database " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** {@code <home>/runs}, holding one folder per run. */
    public Path runs() {
        return subdirectory("runs");
    }

    /** {@code <home>/profiles}, holding persistent browser profiles. */
    public Path profiles() {
        return subdirectory("profiles");
    }

    /** {@code <home>/credentials}, holding the credential vault. */
    public Path credentials() {
        return subdirectory("credentials");
    }

    /** A named folder directly under the home, created if missing; the name must be one plain segment. */
    public Path subdirectory(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("a Rover home sub-folder name must be one plain path segment, not '"
                    + name + "'");
        }
        return ensureDirectory(root.resolve(name), true);
    }

    /** Creates the folder owner-only; an existing one is tightened when Rover owns it (not the root a user chose). */
    private static Path ensureDirectory(Path dir, boolean tighten) {
        try {
            return PrivateFiles.directory(dir, tighten);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot create the Rover data folder " + dir + ": " + e.getCause().getMessage()
                    + " (set " + ENV_VARIABLE + " to a writable directory)", e.getCause());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoverHome other && root.equals(other.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    @Override
    public String toString() {
        return "RoverHome[" + root + "]";
    }
}
