package dev.rover.core.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoverHomeTest {

    @TempDir
    Path dir;

    @Test
    void environmentVariableWinsOverSystemPropertyAndDefault() {
        RoverHome home = RoverHome.resolve(Map.of("ROVER_HOME", dir.resolve("env").toString())::get,
                Map.of("rover.home", dir.resolve("prop").toString())::get, dir.resolve("user"));

        assertThat(home.root()).isEqualTo(dir.resolve("env"));
    }

    @Test
    void systemPropertyIsUsedWhenTheEnvironmentIsSilentOrBlank() {
        RoverHome home = RoverHome.resolve(Map.of("ROVER_HOME", "  ")::get,
                Map.of("rover.home", dir.resolve("prop").toString())::get, dir.resolve("user"));

        assertThat(home.root()).isEqualTo(dir.resolve("prop"));
    }

    @Test
    void defaultsToDotRoverInTheUserHome() {
        RoverHome home = RoverHome.resolve(Map.<String, String>of()::get, Map.<String, String>of()::get, dir);

        assertThat(home.root()).isEqualTo(dir.resolve(".rover")).isDirectory();
    }

    @Test
    void subFoldersAreCreatedOnDemand() {
        RoverHome home = RoverHome.at(dir.resolve("h"));
        assertThat(dir.resolve("h")).doesNotExist();

        assertThat(home.runs()).isEqualTo(dir.resolve("h/runs")).isDirectory();
        assertThat(home.profiles()).isEqualTo(dir.resolve("h/profiles")).isDirectory();
        assertThat(home.credentials()).isEqualTo(dir.resolve("h/credentials")).isDirectory();
        assertThat(home.database()).isEqualTo(dir.resolve("h/rover.db"));
        assertThat(home).isEqualTo(RoverHome.at(dir.resolve("h/../h")));
    }

    @Test
    void subFolderNamesMustStayInside() {
        RoverHome home = RoverHome.at(dir);
        assertThatThrownBy(() -> home.subdirectory("../x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("../x");
        assertThatThrownBy(() -> home.subdirectory("..")).isInstanceOf(IllegalArgumentException.class);
    }
}
