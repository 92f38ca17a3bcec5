package dev.rover.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChromiumLocatorTest {

    @TempDir
    Path dir;

    private Path executable(String name) throws IOException {
        Path file = Files.createDirectories(dir.resolve("bin")).resolve(name);
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void theEnvironmentVariableWinsOverThePropertyAndTheDefaults() throws IOException {
        Path fromEnv = executable("my-chrome");
        Path fromProperty = executable("other-chrome");
        Properties properties = new Properties();
        properties.setProperty("rover.chromium", fromProperty.toString());
        Path fallback = executable("chromium");

        assertThat(new ChromiumLocator(Map.of("ROVER_CHROMIUM", fromEnv.toString()), properties, fallback).locate())
                .contains(fromEnv);
        assertThat(new ChromiumLocator(Map.of(), properties, fallback).locate()).contains(fromProperty);
        assertThat(new ChromiumLocator(Map.of(), new Properties(), fallback).locate()).contains(fallback);
    }

    @Test
    void thePathIsSearchedThenPlaywrightsOwnBrowserIsUsed() throws IOException {
        Path chrome = executable("google-chrome");
        Path missing = dir.resolve("nowhere/chromium");
        assertThat(new ChromiumLocator(Map.of("PATH", "/nonexistent:" + chrome.getParent()), new Properties(), missing).locate())
                .contains(chrome);
        assertThat(new ChromiumLocator(Map.of("PATH", "/nonexistent"), new Properties(), missing).locate()).isEmpty();
    }

    @Test
    void aConfiguredPathThatIsNotExecutableIsAnError() throws IOException {
        Path notExecutable = Files.writeString(dir.resolve("readme.txt"), "text");
        assertThatThrownBy(() -> new ChromiumLocator(Map.of("ROVER_CHROMIUM", notExecutable.toString()),
                new Properties(), null).locate())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("environment variable ROVER_CHROMIUM points to " + notExecutable);
    }

    @Test
    void onThisMachineTheDebianChromiumIsFound() {
        assertThat(new ChromiumLocator(Map.of(), new Properties(), Path.of("/usr/bin/chromium")).locate())
                .contains(Path.of("/usr/bin/chromium"));
    }
}
