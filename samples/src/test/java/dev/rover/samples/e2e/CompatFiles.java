package dev.rover.samples.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.fail;

/** Where the real Skyvern files are: {@code shared/compat/skyvern} beside the project, looked for upwards. */
final class CompatFiles {

    private CompatFiles() {
    }

    /** The folder, or null when it is not there outside CI (the tests then skip); in CI its absence fails. */
    static Path locate() {
        for (Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/compat/skyvern");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        if (System.getenv("CI") != null) {
            fail("shared/compat/skyvern not found above " + System.getProperty("user.dir") + "; CI must provide it");
        }
        return null;
    }
}
