package dev.rover.browser.session;

import dev.rover.browser.BrowserOptions;
import dev.rover.browser.LiveBrowser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Browser profiles stored in one folder (for example {@code <home>/profiles}), one Playwright
 * storage-state file per profile: save a logged-in browser, list, delete, and start a new browser from one.
 */
public final class BrowserProfiles {

    private static final Logger log = LoggerFactory.getLogger(BrowserProfiles.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
    private static final String SUFFIX = ".json";

    private final Path folder;

    /** Profiles kept in {@code folder} (created when the first profile is saved). */
    public BrowserProfiles(Path folder) {
        this.folder = folder;
    }

    /** Saves the cookies, localStorage and IndexedDB of the browser under {@code name}, replacing an older save. */
    public BrowserProfile save(String name, LiveBrowser browser) {
        Path file = fileOf(name);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the profiles folder " + folder, e);
        }
        browser.saveStorageState(file);
        log.info("saved browser profile '{}' to {}", name, file);
        return find(name).orElseThrow(() -> new IllegalStateException("profile file " + file + " was not written"));
    }

    /** Saves the browser of a session under {@code name}. */
    public BrowserProfile save(String name, BrowserSession session) {
        return save(name, session.browser());
    }

    /** The profile with this name, if saved. */
    public Optional<BrowserProfile> find(String name) {
        Path file = fileOf(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BrowserProfile(name, file, Files.getLastModifiedTime(file).toInstant()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read profile file " + file, e);
        }
    }

    /** All saved profiles, by name. */
    public List<BrowserProfile> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(SUFFIX))
                    .map(n -> n.substring(0, n.length() - SUFFIX.length()))
                    .filter(n -> NAME.matcher(n).matches())
                    .map(this::find)
                    .flatMap(Optional::stream)
                    .sorted(Comparator.comparing(BrowserProfile::name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the profiles folder " + folder, e);
        }
    }

    /** Deletes a profile; false when there was none with this name. */
    public boolean delete(String name) {
        try {
            boolean deleted = Files.deleteIfExists(fileOf(name));
            if (deleted) {
                log.info("deleted browser profile '{}'", name);
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete profile '" + name + "' in " + folder, e);
        }
    }

    /**
     * {@code base} changed to start from the saved profile.
     *
     * @throws IllegalArgumentException when no profile has this name
     */
    public BrowserOptions launchOptions(String name, BrowserOptions base) {
        BrowserProfile profile = find(name).orElseThrow(() ->
                new IllegalArgumentException("no browser profile '" + name + "' in " + folder
                        + "; saved profiles: " + list().stream().map(BrowserProfile::name).toList()));
        return base.toBuilder().storageState(profile.file()).build();
    }

    private Path fileOf(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("profile name '" + name
                    + "' must start with a letter or digit and contain only letters, digits, '.', '_' and '-' (at most 100)");
        }
        return folder.resolve(name + SUFFIX);
    }
}
