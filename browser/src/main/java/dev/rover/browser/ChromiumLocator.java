package dev.rover.browser;

import dev.rover.core.env.EnvironmentVariables;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Finds a Chromium or Chrome already installed on the machine, so Rover never has to download a
 * browser: {@code ROVER_CHROMIUM}, then the system property {@code rover.chromium}, then
 * {@code /usr/bin/chromium}, then {@code chromium}, {@code chromium-browser} or {@code google-chrome}
 * on the {@code PATH}. Empty means "let Playwright use its own managed browser".
 */
public final class ChromiumLocator {

    /** Environment variable naming the browser executable. */
    public static final String ENV_VARIABLE = "ROVER_CHROMIUM";
    /** System property naming the browser executable. */
    public static final String SYSTEM_PROPERTY = "rover.chromium";

    /** Where Debian's chromium package puts the browser: the last place a locator looks. */
    public static final Path DEFAULT_LOCATION = Path.of("/usr/bin/chromium");
    private static final List<String> PATH_NAMES = List.of("chromium", "chromium-browser", "google-chrome");

    private final Map<String, String> environment;
    private final Properties properties;
    private final Path defaultLocation;

    /** A locator reading this process's environment and system properties. */
    public ChromiumLocator() {
        this(EnvironmentVariables.system().asMap(), System.getProperties(), DEFAULT_LOCATION);
    }

    /** A locator reading the given environment and properties; {@code defaultLocation} replaces /usr/bin/chromium. */
    public ChromiumLocator(Map<String, String> environment, Properties properties, Path defaultLocation) {
        this.environment = Map.copyOf(environment);
        this.properties = properties;
        this.defaultLocation = defaultLocation;
    }

    /**
     * The browser executable to launch, or empty for Playwright's managed browser.
     *
     * @throws IllegalStateException when ROVER_CHROMIUM or rover.chromium names something that is not an executable file
     */
    public Optional<Path> locate() {
        String fromEnv = environment.get(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(requireExecutable(Path.of(fromEnv.trim()), "environment variable " + ENV_VARIABLE));
        }
        String fromProperty = properties.getProperty(SYSTEM_PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return Optional.of(requireExecutable(Path.of(fromProperty.trim()), "system property " + SYSTEM_PROPERTY));
        }
        if (defaultLocation != null && isExecutable(defaultLocation)) {
            return Optional.of(defaultLocation);
        }
        String path = environment.getOrDefault("PATH", "");
        for (String name : PATH_NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isBlank()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static Path requireExecutable(Path path, String source) {
        if (!isExecutable(path)) {
            throw new IllegalStateException(source + " points to " + path
                    + ", which is not an executable file; point it at a Chromium or Chrome binary or unset it");
        }
        return path;
    }

    private static boolean isExecutable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
