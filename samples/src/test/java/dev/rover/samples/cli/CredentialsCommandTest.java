package dev.rover.samples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code rover credentials add/list/delete} with secrets taken from a test environment. */
class CredentialsCommandTest {

    private static final String PASSWORD = "pw-Zebra-4417-never-shown";
    private static final String TOTP = "JBSWY3DPEHPK3PXP";

    @TempDir
    Path tmp;

    private CliHarness cli() {
        return new CliHarness(tmp.resolve("home"), Map.of("SHOP_PASSWORD", PASSWORD, "SHOP_TOTP", TOTP, "EMPTY", " "));
    }

    @Test
    void addPrintsTheIdAndListShowsNameAndKindButNoValues() {
        CliHarness cli = cli();

        CliHarness.Result added = cli.run("credentials", "add", "shop", "--username", "ada@shop.test",
                "--password-env", "SHOP_PASSWORD", "--totp-secret-env", "SHOP_TOTP");

        assertThat(added.exitCode()).as(added.err()).isEqualTo(0);
        String id = added.out().strip();
        assertThat(id).matches("cred_\\S+");

        CliHarness.Result listed = cli.run("credentials", "list");
        assertThat(listed.exitCode()).isEqualTo(0);
        assertThat(listed.out().lines()).hasSize(2);
        assertThat(listed.out().lines().skip(1).findFirst().orElseThrow()).startsWith(id).contains("shop").contains("password");
        assertThat(listed.out() + listed.err() + added.err()).doesNotContain(PASSWORD).doesNotContain(TOTP)
                .doesNotContain("ada@shop.test");
    }

    @Test
    void secretEnvStoresOneSecretValueAndRefusesMixingItWithALogin() {
        CliHarness cli = cli();

        CliHarness.Result added = cli.run("credentials", "add", "SKYVERN_SMTP_PASSWORD_SES", "--secret-env", "SHOP_PASSWORD");
        CliHarness.Result mixed = cli.run("credentials", "add", "x", "--secret-env", "SHOP_PASSWORD", "--username", "u");
        CliHarness.Result neither = cli.run("credentials", "add", "y");

        assertThat(added.exitCode()).as(added.err()).isEqualTo(0);
        assertThat(cli.run("credentials", "list").out()).contains("SKYVERN_SMTP_PASSWORD_SES").contains("secret")
                .doesNotContain(PASSWORD);
        assertThat(mixed.exitCode()).isEqualTo(2);
        assertThat(mixed.err()).contains("--secret-env stores one secret value");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("a login needs --username and --password-env");
    }

    @Test
    void secretsAreStoredEncrypted() throws IOException {
        CliHarness cli = cli();
        assertThat(cli.run("credentials", "add", "shop", "--username", "u", "--password-env", "SHOP_PASSWORD").exitCode()).isEqualTo(0);

        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain(PASSWORD);
            }
        }
    }

    @Test
    void aDifferentMasterKeyIsRefusedByAddListAndDelete() {
        String keyA = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        byte[] other = new byte[32];
        other[0] = 1;
        String keyB = java.util.Base64.getEncoder().encodeToString(other);
        Path home = tmp.resolve("home");
        CliHarness withA = new CliHarness(home, Map.of("SHOP_PASSWORD", PASSWORD, "ROVER_MASTER_KEY", keyA));
        CliHarness withB = new CliHarness(home, Map.of("SHOP_PASSWORD", PASSWORD, "ROVER_MASTER_KEY", keyB));
        String id = withA.run("credentials", "add", "shop", "--username", "u", "--password-env", "SHOP_PASSWORD").out().strip();
        String refused = "rover: credential shop cannot be decrypted: wrong master key or damaged file ("
                + home.resolve("credentials").resolve("credentials").resolve(id + ".json") + ")";

        CliHarness.Result add = withB.run("credentials", "add", "other", "--username", "u", "--password-env", "SHOP_PASSWORD");
        CliHarness.Result list = withB.run("credentials", "list");
        CliHarness.Result delete = withB.run("credentials", "delete", "shop");

        assertThat(add.exitCode()).isEqualTo(2);
        assertThat(add.err()).isEqualTo(refused + "; not adding 'other' under a different key" + System.lineSeparator());
        assertThat(list.exitCode()).isEqualTo(2);
        assertThat(list.err()).isEqualTo(refused + System.lineSeparator());
        assertThat(delete.exitCode()).isEqualTo(2);
        assertThat(delete.err()).isEqualTo(refused + "; nothing was deleted" + System.lineSeparator());
        CliHarness.Result listedWithA = withA.run("credentials", "list");
        assertThat(listedWithA.exitCode()).isEqualTo(0);
        assertThat(listedWithA.out().lines()).hasSize(2);
    }

    @Test
    void deleteByNameOrIdRemovesIt() {
        CliHarness cli = cli();
        String first = cli.run("credentials", "add", "one", "--username", "u1", "--password-env", "SHOP_PASSWORD").out().strip();
        cli.run("credentials", "add", "two", "--username", "u2", "--password-env", "SHOP_PASSWORD");

        CliHarness.Result byName = cli.run("credentials", "delete", "two");
        CliHarness.Result byId = cli.run("credentials", "delete", first);

        assertThat(byName.exitCode()).isEqualTo(0);
        assertThat(byName.out()).contains("deleted cred_").contains("(two)");
        assertThat(byId.exitCode()).isEqualTo(0);
        assertThat(byId.out()).contains("deleted " + first + " (one)");
        assertThat(cli.run("credentials", "list").out()).startsWith("no credentials in ");
    }

    @Test
    void missingEnvironmentVariableIsAUsageErrorNamingIt() {
        CliHarness cli = cli();

        CliHarness.Result missing = cli.run("credentials", "add", "shop", "--username", "u", "--password-env", "NOT_SET_ANYWHERE");
        CliHarness.Result blank = cli.run("credentials", "add", "shop", "--username", "u", "--password-env", "SHOP_PASSWORD",
                "--totp-secret-env", "EMPTY");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("rover: environment variable NOT_SET_ANYWHERE (named by --password-env) is not set or is empty"
                + System.lineSeparator());
        assertThat(blank.exitCode()).isEqualTo(2);
        assertThat(blank.err()).contains("environment variable EMPTY (named by --totp-secret-env)");
        assertThat(cli.run("credentials", "list").out()).startsWith("no credentials in ");
    }

    @Test
    void duplicateNameAndUnknownDeleteAreUsageErrors() {
        CliHarness cli = cli();
        cli.run("credentials", "add", "shop", "--username", "u", "--password-env", "SHOP_PASSWORD");

        CliHarness.Result duplicate = cli.run("credentials", "add", "shop", "--username", "u", "--password-env", "SHOP_PASSWORD");
        CliHarness.Result unknown = cli.run("credentials", "delete", "nobody");

        assertThat(duplicate.exitCode()).isEqualTo(2);
        assertThat(duplicate.err()).contains("a credential named 'shop' already exists").doesNotContain(PASSWORD);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no credential with name or id 'nobody'");
    }

    @Test
    void passwordCannotBeGivenOnTheCommandLine() {
        CliHarness.Result result = cli().run("credentials", "add", "shop", "--username", "u", "--password-env", "SHOP_PASSWORD",
                "--password", PASSWORD);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option").contains("'--password'");
    }
}
