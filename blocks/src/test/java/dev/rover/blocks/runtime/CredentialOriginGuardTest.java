package dev.rover.blocks.runtime;

import dev.rover.core.secret.Credential;
import dev.rover.core.secret.CredentialVault;
import dev.rover.core.secret.MasterKey;
import dev.rover.core.secret.SecretScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10 item 1: the rules a run applies to each credential's origins, and binding on first use. */
class CredentialOriginGuardTest {

    private static final String PASSWORD = "Quartz-Meadow-5531";
    private static final String HOME = "https://app.example.com";

    @TempDir
    Path dir;

    private Map<String, String> login(SecretScope scope, CredentialVault vault, Credential credential, CredentialOriginGuard guard) {
        Map<String, String> placeholders = scope.addCredential(vault.secretsOf(credential.id()));
        guard.register(credential, placeholders.values());
        return placeholders;
    }

    @Test
    void anUnboundCredentialIsBoundOnlyToAPageTheWorkflowOpenedItselfAndTheBindingIsStored() {
        CredentialVault vault = new CredentialVault(dir, MasterKey.random());
        Credential shop = vault.addPassword("shop", "ann", PASSWORD, null);
        try (SecretScope scope = SecretScope.open()) {
            CredentialOriginGuard guard = new CredentialOriginGuard(scope, vault);
            String password = login(scope, vault, shop, guard).get("password");

            assertThat(guard.refuseTyping(password, "https://evil.example/login", "https://evil.example/login")).contains(
                    "refused to type credential 'shop' into a field of frame origin https://evil.example: the credential is bound to "
                            + "no origin yet, and the page's origin https://evil.example was not opened by the workflow's or task's "
                            + "own url; store the credential with --origin (rover credentials add ... --origin https://site) to allow it there");
            assertThat(vault.find("shop").orElseThrow().origins()).isEmpty();

            guard.opened(HOME + "/start", HOME + "/login?next=/");
            assertThat(guard.refuseTyping("x " + password, HOME + "/login", "https://partner.example/frame")).contains(
                    "refused to type credential 'shop' into a field of frame origin https://partner.example: the credential is bound to " + HOME);
            assertThat(vault.find("shop").orElseThrow().origins()).as("stored binding").containsExactly(HOME);
            assertThat(guard.refuseTyping(password, HOME + "/login", HOME + "/login")).isEmpty();
            assertThat(guard.refuseTyping(password, HOME + "/login", "about:srcdoc")).contains(
                    "refused to type credential 'shop' into a field of frame origin none (about: URL): the credential is bound to " + HOME);
            assertThat(guard.refuseTyping("plain text", "https://evil.example/", "https://evil.example/")).isEmpty();
        }
    }

    @Test
    void aFormHoldingTheSecretOrAPieceOfItPostsOnlyToTheBoundOrigins() {
        CredentialVault vault = new CredentialVault(dir, MasterKey.random());
        Credential shop = vault.addPassword("shop", "ann", PASSWORD, null, List.of(HOME, "https://sso.example.com"));
        try (SecretScope scope = SecretScope.open()) {
            CredentialOriginGuard guard = new CredentialOriginGuard(scope, vault);
            login(scope, vault, shop, guard);

            assertThat(guard.refuseSubmit(List.of("ann", "copy:" + PASSWORD.substring(2, 10)), "https://evil.example/collect")).contains(
                    "refused to submit a form holding credential 'shop' to origin https://evil.example: the credential is bound to "
                            + HOME + ", https://sso.example.com");
            assertThat(guard.refuseSubmit(List.of(PASSWORD), "https://sso.example.com/session")).isEmpty();
            assertThat(guard.refuseSubmit(List.of("nothing secret"), "https://evil.example/collect")).isEmpty();
            assertThat(guard.refuseSubmit(List.of(PASSWORD), "javascript:void(0)")).as("posts nowhere").isEmpty();
            assertThat(guard.revealsSecret("starts with " + PASSWORD.substring(0, 6))).isTrue();
            assertThat(guard.revealsSecret("Quartz")).isTrue();
            assertThat(guard.revealsSecret("Quart")).isFalse();
        }
    }
}
