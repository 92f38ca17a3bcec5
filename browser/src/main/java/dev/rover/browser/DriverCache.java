package dev.rover.browser;

import com.microsoft.playwright.impl.driver.jar.DriverJar;
import dev.rover.core.env.EnvironmentVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Unpacks Playwright's Node driver (about 130 MB) once per installation instead of once per JVM:
 * into {@code <cache>/rover/playwright-driver-<version>} ({@code $XDG_CACHE_HOME}, else
 * {@code ~/.cache}; {@code ROVER_DRIVER_DIR} overrides the whole folder), then points Playwright at
 * it through its {@code playwright.cli.dir} system property. A folder counts only once it holds the
 * marker written after a complete unpack, so a crash half-way is redone, and concurrent processes
 * unpack into private folders and keep whichever lands first.
 */
public final class DriverCache {

    /** Environment variable naming the folder the driver is unpacked to. */
    public static final String ENV_VARIABLE = "ROVER_DRIVER_DIR";
    private static final String CLI_DIR_PROPERTY = "playwright.cli.dir";
    private static final String MARKER = ".rover-complete";
    private static final Logger log = LoggerFactory.getLogger(DriverCache.class);
    private static volatile boolean prepared;

    private DriverCache() {
    }

    /**
     * Makes Playwright use the unpacked driver of this installation, unpacking it first when needed.
     * Does nothing when {@code playwright.cli.dir} or {@code PLAYWRIGHT_DRIVER_DIR} already names one;
     * when unpacking fails, Playwright falls back to its own temporary folder.
     */
    public static synchronized void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        EnvironmentVariables env = EnvironmentVariables.system();
        if (System.getProperty(CLI_DIR_PROPERTY) != null || env.get("PLAYWRIGHT_DRIVER_DIR").isPresent()) {
            return;
        }
        try {
            Path folder = folder(env);
            ensureUnpacked(folder);
            System.setProperty(CLI_DIR_PROPERTY, folder.toString());
        } catch (IOException | RuntimeException e) {
            log.warn("could not unpack the Playwright driver into the cache ({}); it is unpacked per process instead", e.toString());
        }
    }

    /** The folder of this Playwright version's driver. */
    static Path folder(EnvironmentVariables env) {
        var configured = env.get(ENV_VARIABLE).filter(v -> !v.isBlank());
        if (configured.isPresent()) {
            return Path.of(configured.get().trim()).toAbsolutePath();
        }
        Path cache = env.get("XDG_CACHE_HOME").filter(v -> !v.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache"));
        return cache.resolve("rover").resolve("playwright-driver-" + version()).toAbsolutePath();
    }

    /** Unpacks the driver into {@code folder} unless a complete unpack is already there. */
    static void ensureUnpacked(Path folder) throws IOException {
        if (isComplete(folder)) {
            return;
        }
        Files.createDirectories(folder.getParent());
        Path staging = Files.createTempDirectory(folder.getParent(), folder.getFileName() + ".unpacking-");
        try {
            try {
                DriverJar.installDriverTo(staging);
            } catch (java.net.URISyntaxException e) {
                throw new IOException("cannot locate Playwright's driver in its jar: " + e.getMessage(), e);
            }
            Files.writeString(staging.resolve(MARKER), version());
            if (Files.exists(folder)) {
                // an incomplete earlier unpack: replace it
                deleteTree(folder);
            }
            try {
                Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                if (!isComplete(folder)) {
                    throw e;
                }
                // another process finished first: use its copy
            }
            log.info("unpacked the Playwright driver to {}", folder);
        } finally {
            if (Files.exists(staging)) {
                deleteTree(staging);
            }
        }
    }

    private static boolean isComplete(Path folder) {
        try {
            Path marker = folder.resolve(MARKER);
            return Files.isRegularFile(marker) && Files.readString(marker).trim().equals(version());
        } catch (IOException e) {
            return false;
        }
    }

    /** Playwright's version, read from its driver jar's Maven properties. */
    static String version() {
        try (InputStream in = DriverJar.class.getResourceAsStream(
                "/META-INF/maven/com.microsoft.playwright/driver/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v.trim();
                }
            }
        } catch (IOException e) {
            log.debug("cannot read Playwright's version: {}", e.toString());
        }
        String v = com.microsoft.playwright.Playwright.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
