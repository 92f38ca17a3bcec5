package dev.rover.core.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test server's own checks: missing binaries fail loudly (CI installs them), the newest version wins. */
class PostgresServerTest {

    @Test
    void missingBinariesFailWithWhatToInstall(@TempDir Path root) {
        assertThatThrownBy(() -> PostgresServer.binaries(root.resolve("postgresql")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PostgreSQL server binaries (initdb, pg_ctl) are missing")
                .hasMessageContaining("apt-get install postgresql");
    }

    @Test
    void theNewestInstalledVersionIsUsed(@TempDir Path root) throws Exception {
        for (String version : new String[] {"9", "15", "13"}) {
            Path bin = Files.createDirectories(root.resolve(version).resolve("bin"));
            for (String program : new String[] {"initdb", "pg_ctl"}) {
                Files.createFile(bin.resolve(program), PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwxr-xr-x")));
            }
        }

        assertThat(PostgresServer.binaries(root)).isEqualTo(root.resolve("15").resolve("bin"));
    }
}
