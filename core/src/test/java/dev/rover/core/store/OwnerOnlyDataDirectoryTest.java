package dev.rover.core.store;

import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Screenshots and downloads can show private data: nothing in the data directory is readable by others. */
class OwnerOnlyDataDirectoryTest {

    @TempDir
    Path tmp;

    @BeforeEach
    void posixOnly() {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    }

    @Test
    void databaseRunFoldersAndArtifactsAreOwnerOnly() throws Exception {
        RoverHome home = RoverHome.at(tmp.resolve("home"));
        RunId run = RunId.next(RunType.WORKFLOW);
        FileArtifactStore artifacts = new FileArtifactStore(home);
        Path outside = Files.writeString(tmp.resolve("outside.txt"), "moved in");
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-r--r--"));
        Path download = Files.writeString(new RunFolders(home).downloads(run).resolve("invoice.pdf"), "%PDF");
        Files.setPosixFilePermissions(download, PosixFilePermissions.fromString("rw-r--r--")); // as the browser leaves it

        try (JdbcRunStore store = JdbcRunStore.open(home)) {
            assertThat(store).isNotNull();
            artifacts.put(run, ArtifactType.SCREENSHOT_FINAL, null, null, "final.png", "image/png", new byte[]{1});
            artifacts.putFile(run, ArtifactType.DOWNLOAD, null, null, outside, "text/plain");
            artifacts.putFile(run, ArtifactType.DOWNLOAD, null, null, download, "application/pdf");
        }

        List<Path> everything;
        try (Stream<Path> walk = Files.walk(home.root())) {
            everything = walk.toList();
        }
        assertThat(everything).contains(home.database(), home.runs().resolve(run.value()).resolve("artifacts").resolve("final.png"),
                download);
        for (Path path : everything) {
            String expected = Files.isDirectory(path) ? "rwx------" : "rw-------";
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).as(path.toString()).isEqualTo(expected);
        }
    }

    @Test
    void foldersAndDatabaseLeftOpenByAnOlderVersionAreTightened() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("old"));
        Path runs = Files.createDirectories(root.resolve("runs"));
        Path database = Files.writeString(root.resolve("rover.db"), "");
        Files.setPosixFilePermissions(runs, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));

        RoverHome home = RoverHome.at(root);
        home.runs();
        home.database();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(runs))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(database))).isEqualTo("rw-------");
    }
}
