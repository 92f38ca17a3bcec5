package dev.rover.core.secret;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rover.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 10 item 1: a stored credential carries the origins it may be typed on, sealed under the master key. */
class CredentialOriginsTest {

    @TempDir
    Path dir;

    private final MasterKey key = MasterKey.random();

    @Test
    void originsAreNormalisedFromOriginsOrUrls() {
        assertThat(Origins.of("HTTPS://App.Example.com:443/login?next=/")).contains("https://app.example.com");
        assertThat(Origins.of("http://127.0.0.1:8080/x")).contains("http://127.0.0.1:8080");
        assertThat(Origins.of("http://127.0.0.1:80")).contains("http://127.0.0.1");
        assertThat(Origins.of("about:blank")).isEmpty();
        assertThat(Origins.of("file:///etc/passwd")).isEmpty();
        assertThat(Origins.of("data:text/html,x")).isEmpty();
        assertThat(Origins.of("not a url")).isEmpty();
        assertThat(Origins.parseAll(List.of("https://a.example/", "https://a.example/login", "https://b.example")))
                .containsExactly("https://a.example", "https://b.example");
        assertThatThrownBy(() -> Origins.parse("ftp://files.example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("origin 'ftp://files.example.com' is not an http or https origin such as https://app.example.com");
    }

    @Test
    void aCredentialKeepsItsOriginsAcrossVaultInstancesAndCanBeBoundLater() {
        CredentialVault vault = new CredentialVault(dir, key);
        Credential bound = vault.addPassword("shop", "ann", "pw-0123456789", null,
                List.of("https://shop.example.com/login", "https://sso.example.com"));
        Credential unbound = vault.addSecret("api", "sk-0123456789");

        assertThat(bound.origins()).containsExactly("https://shop.example.com", "https://sso.example.com");
        assertThat(unbound.origins()).isEmpty();
        CredentialVault reopened = new CredentialVault(dir, key);
        assertThat(reopened.find("shop").orElseThrow().origins()).containsExactly("https://shop.example.com", "https://sso.example.com");
        assertThat(reopened.list()).extracting(Credential::name).containsExactly("shop", "api");

        Credential rebound = reopened.bindOrigins("api", List.of("http://127.0.0.1:8123/"));
        assertThat(rebound.origins()).containsExactly("http://127.0.0.1:8123");
        assertThat(new CredentialVault(dir, key).find(unbound.id()).orElseThrow().origins()).containsExactly("http://127.0.0.1:8123");
        assertThat(new CredentialVault(dir, key).secretsOf("api").secretValue()).contains("sk-0123456789");
    }

    @Test
    void anOriginAddedToTheFileWithoutTheKeyIsRefused() throws IOException {
        Credential shop = new CredentialVault(dir, key).addPassword("shop", "ann", "pw-0123456789", null, List.of("https://shop.example.com"));
        Path file = dir.resolve("credentials").resolve(shop.id() + ".json");
        ObjectNode stored = (ObjectNode) Json.mapper().readTree(Files.readString(file));
        stored.putArray("origins").add("https://shop.example.com").add("https://evil.example");
        Files.writeString(file, Json.compact(stored), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new CredentialVault(dir, key).secretsOf("shop"))
                .isInstanceOf(CredentialVaultException.class)
                .hasMessageStartingWith("credential shop cannot be used: the origins it is bound to do not match their seal "
                        + "(wrong master key, or the file was edited outside Rover)");
    }

    @Test
    void bindingNeedsTheKeyTheValuesWereSealedWith() {
        new CredentialVault(dir, key).addSecret("api", "sk-0123456789");
        assertThatThrownBy(() -> new CredentialVault(dir, MasterKey.random()).bindOrigins("api", List.of("https://x.example")))
                .isInstanceOf(CredentialVaultException.class)
                .hasMessageContaining("cannot be decrypted: wrong master key");
        assertThat(new CredentialVault(dir, key).find("api").orElseThrow().origins()).isEmpty();
    }

    @Test
    void aBadOriginIsRefusedBeforeAnythingIsStored() {
        CredentialVault vault = new CredentialVault(dir, key);
        assertThatThrownBy(() -> vault.addPassword("shop", "ann", "pw-0123456789", null, List.of("javascript:alert(1)")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("origin 'javascript:alert(1)' is not an http or https origin such as https://app.example.com");
        assertThat(vault.list()).isEmpty();
    }
}
