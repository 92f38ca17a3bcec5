package dev.rover.core.secret;

import dev.rover.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CredentialVaultTest {

    private static final String USERNAME = "alice@example.test";
    private static final String PASSWORD = "s3cr3t-Pa55word!";
    private static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";
    private static final String API_KEY = "sk-live-0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void valuesSurviveANewVaultInstanceUsingTheGeneratedKeyFile() {
        assumeTrue(System.getenv(MasterKey.ENV) == null, "ROVER_MASTER_KEY is set in this environment");
        Credential login = new CredentialVault(dir).addPassword("shop", USERNAME, PASSWORD, TOTP_SECRET);
        Credential key = new CredentialVault(dir).addSecret("api", API_KEY);

        CredentialVault reopened = new CredentialVault(dir);
        CredentialSecrets byName = reopened.secretsOf("shop");
        assertThat(byName.kind()).isEqualTo(CredentialKind.PASSWORD);
        assertThat(byName.username()).contains(USERNAME);
        assertThat(byName.password()).contains(PASSWORD);
        assertThat(byName.totpSecret()).contains(TOTP_SECRET);
        assertThat(byName.totp()).isPresent();
        assertThat(reopened.secretsOf(login.id()).password()).contains(PASSWORD);
        assertThat(reopened.secretsOf(key.id()).secretValue()).contains(API_KEY);
        assertThat(reopened.secretsOf("api").username()).isEmpty();
        assertThat(reopened.find(login.id())).contains(login);
        assertThat(reopened.find("api")).contains(key);
        assertThat(login.id()).startsWith("cred_");
    }

    @Test
    void generatedKeyFileIsOwnerOnly() throws IOException {
        assumeTrue(OwnerOnlyFile.isPosix(dir), "file system without POSIX permissions");
        MasterKey.fromKeyFile(dir);
        Path keyFile = dir.resolve("master.key");
        assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Base64.getDecoder().decode(Files.readString(keyFile).trim())).hasSize(32);
        assertThat(MasterKey.fromKeyFile(dir)).isEqualTo(MasterKey.fromKeyFile(dir));
    }

    @Test
    void credentialFilesAreOwnerOnly() throws IOException {
        assumeTrue(OwnerOnlyFile.isPosix(dir), "file system without POSIX permissions");
        Credential c = new CredentialVault(dir, MasterKey.random()).addSecret("api", API_KEY);
        Path file = dir.resolve("credentials").resolve(c.id() + ".json");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void wrongKeyGivesAClearErrorWithoutValuesOrKeyMaterial() {
        MasterKey right = MasterKey.random();
        new CredentialVault(dir, right).addPassword("shop", USERNAME, PASSWORD, null);
        CredentialVault wrong = new CredentialVault(dir, MasterKey.random());

        assertThatThrownBy(() -> wrong.secretsOf("shop"))
                .isInstanceOf(CredentialVaultException.class)
                .hasMessageStartingWith("credential shop cannot be decrypted: wrong master key or damaged file")
                .hasMessageNotContaining(PASSWORD)
                .hasMessageNotContaining(USERNAME);
    }

    @Test
    void aDifferentKeyCannotAddListOrDeleteSoTheVaultNeverHoldsTwoKeys() throws IOException {
        MasterKey right = MasterKey.random();
        Credential shop = new CredentialVault(dir, right).addPassword("shop", USERNAME, PASSWORD, null);
        Path file = dir.resolve("credentials").resolve(shop.id() + ".json");
        CredentialVault wrong = new CredentialVault(dir, MasterKey.random());
        String expected = "credential shop cannot be decrypted: wrong master key or damaged file (" + file + ")";

        assertThatThrownBy(() -> wrong.addSecret("api", API_KEY)).isInstanceOf(CredentialVaultException.class)
                .hasMessage(expected + "; not adding 'api' under a different key");
        assertThatThrownBy(wrong::list).isInstanceOf(CredentialVaultException.class).hasMessage(expected);
        assertThatThrownBy(() -> wrong.delete("shop")).isInstanceOf(CredentialVaultException.class)
                .hasMessage(expected + "; nothing was deleted");

        CredentialVault vault = new CredentialVault(dir, right);
        assertThat(vault.list()).extracting(Credential::name).containsExactly("shop");
        assertThat(vault.secretsOf("shop").fields()).containsEntry("password", PASSWORD);
        assertThat(new CredentialVault(dir.resolve("fresh"), MasterKey.random()).list()).isEmpty();
    }

    @Test
    void damagedCiphertextOrRenamedFileCannotBeDecrypted() throws IOException {
        MasterKey key = MasterKey.random();
        CredentialVault vault = new CredentialVault(dir, key);
        Credential c = vault.addSecret("api", API_KEY);
        Path file = dir.resolve("credentials").resolve(c.id() + ".json");
        String original = Files.readString(file);

        Files.writeString(file, original.replace("\"name\":\"api\"", "\"name\":\"other\""));
        assertThatThrownBy(() -> vault.secretsOf("other"))
                .hasMessageStartingWith("credential other cannot be decrypted: wrong master key or damaged file");

        var node = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(original);
        byte[] cipherText = Base64.getDecoder().decode(node.get("ciphertext").asText());
        cipherText[0] ^= 1;
        node.put("ciphertext", Base64.getEncoder().encodeToString(cipherText));
        Files.writeString(file, Json.compact(node));
        assertThatThrownBy(() -> vault.secretsOf("api"))
                .hasMessageStartingWith("credential api cannot be decrypted: wrong master key or damaged file");

        Files.writeString(file, "{not json");
        assertThatThrownBy(vault::list).isInstanceOf(CredentialVaultException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("damaged");
    }

    @Test
    void listToStringAndJsonNeverShowValues() {
        CredentialVault vault = new CredentialVault(dir, MasterKey.random());
        vault.addPassword("shop", USERNAME, PASSWORD, TOTP_SECRET);
        vault.addSecret("api", API_KEY);

        List<Credential> list = vault.list();
        assertThat(list).extracting(Credential::name).containsExactly("shop", "api");
        assertThat(list).extracting(Credential::kind).containsExactly(CredentialKind.PASSWORD, CredentialKind.SECRET);
        String shown = list + Json.compact(list) + vault + vault.secretsOf("shop") + vault.secretsOf("api")
                + vault.secretsOf("shop").totp().orElseThrow();
        for (String secret : List.of(USERNAME, PASSWORD, TOTP_SECRET, API_KEY)) {
            assertThat(shown).doesNotContain(secret);
        }
        assertThat(Json.compact(list)).contains("\"kind\":\"password\"").contains("\"created_at\"");
    }

    @Test
    void noFileInTheVaultFolderHoldsAPlaintextSecret() throws IOException {
        assumeTrue(System.getenv(MasterKey.ENV) == null, "ROVER_MASTER_KEY is set in this environment");
        CredentialVault vault = new CredentialVault(dir);
        vault.addPassword("shop", USERNAME, PASSWORD, TOTP_SECRET);
        vault.addSecret("api", API_KEY);

        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        for (Path file : files) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String secret : List.of(USERNAME, PASSWORD, TOTP_SECRET, API_KEY)) {
                assertThat(content).as(file.toString()).doesNotContain(secret);
            }
        }
    }

    @Test
    void passphraseDerivesTheSameKeyFromTheStoredSalt() throws IOException {
        MasterKey first = MasterKey.fromSetting("correct horse battery staple", dir);
        new CredentialVault(dir, first).addSecret("api", API_KEY);
        assertThat(Files.size(dir.resolve("master.salt"))).isEqualTo(16);

        MasterKey again = MasterKey.fromSetting("correct horse battery staple", dir);
        assertThat(new CredentialVault(dir, again).secretsOf("api").secretValue()).contains(API_KEY);
        assertThat(first.source()).isEqualTo("passphrase");
        assertThat(first.toString()).doesNotContain("correct horse");
    }

    @Test
    void base64SettingOfThirtyTwoBytesIsTheKeyItself() {
        byte[] raw = new byte[32];
        raw[0] = 7;
        MasterKey key = MasterKey.fromSetting(Base64.getEncoder().encodeToString(raw), dir);
        assertThat(key).isEqualTo(MasterKey.of(raw));
        assertThat(Files.exists(dir.resolve("master.salt"))).isFalse();
    }

    @Test
    void namesAreUniqueAndDeleteRemovesById() {
        CredentialVault vault = new CredentialVault(dir, MasterKey.random());
        Credential c = vault.addSecret("api", API_KEY);
        assertThatThrownBy(() -> vault.addSecret("api", "other"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'api' already exists");
        assertThatThrownBy(() -> vault.addSecret("cred_x", "other")).hasMessageContaining("must not start with 'cred_'");

        assertThat(vault.delete(c.id())).isTrue();
        assertThat(vault.delete("api")).isFalse();
        assertThat(vault.list()).isEmpty();
        assertThatThrownBy(() -> vault.secretsOf("api"))
                .isInstanceOf(CredentialVaultException.class).hasMessageContaining("no credential with id or name 'api'");
    }

    @Test
    void invalidTotpSecretIsRejectedWithoutEchoingIt() {
        CredentialVault vault = new CredentialVault(dir, MasterKey.random());
        assertThatThrownBy(() -> vault.addPassword("shop", USERNAME, PASSWORD, "secret!!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid base32")
                .hasMessageNotContaining("secret!!");
        assertThat(vault.list()).isEmpty();
    }
}
