package dev.rover.core.secret;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretScopeTest {

    private static final String PASSWORD = "hunter2-Very-Secret";
    private static final String USERNAME = "alice@example.test";
    private static final String TOTP_SECRET = Base32.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void placeholdersHaveTheDocumentedShapeAndResolveToTheRealValues() {
        try (SecretScope scope = SecretScope.open()) {
            String password = scope.add("password", PASSWORD);
            String user = scope.add("User Name", USERNAME);

            assertThat(password).matches("placeholder_[a-z0-9]{4}_password");
            assertThat(user).matches("placeholder_[a-z0-9]{4}_user_name");
            assertThat(scope.placeholders()).containsExactlyInAnyOrder(password, user);
            assertThat(scope.resolve(password)).isEqualTo(PASSWORD);
            assertThat(scope.resolve("login " + user + " / " + password + "!")).isEqualTo("login " + USERNAME + " / " + PASSWORD + "!");
            assertThat(scope.resolve("no placeholder here")).isEqualTo("no placeholder here");
            assertThat(scope.containsPlaceholder("type " + password)).isTrue();
            assertThat(scope.containsPlaceholder("type it")).isFalse();
        }
    }

    @Test
    void everyPlaceholderAScopeHandsOutLooksLikeOne() {
        try (SecretScope scope = SecretScope.open()) {
            assertThat(SecretScope.looksLikePlaceholder("type " + scope.add("password", PASSWORD) + " now")).isTrue();
            assertThat(SecretScope.looksLikePlaceholder("placeholder for the name")).isFalse();
            assertThat(SecretScope.looksLikePlaceholder(null)).isFalse();
        }
    }

    @Test
    void aCodeSourcePlaceholderAsksItsSourceAtEveryResolveAndOnlyThen() {
        List<String> codes = new ArrayList<>(List.of("111111", "222222"));
        try (SecretScope scope = SecretScope.open()) {
            String totp = scope.addCodeSource("totp", () -> codes.remove(0));

            assertThat(totp).matches("placeholder_[a-z0-9]{4}_totp");
            assertThat(codes).hasSize(2);
            assertThat(scope.resolve("code " + totp)).isEqualTo("code 111111");
            assertThat(scope.resolve(totp)).isEqualTo("222222");
            assertThat(scope.redact("nothing secret")).isEqualTo("nothing secret");
        }
    }

    @Test
    void aSecretIsRedactedInItsJsonHtmlAndUrlEncodedFormsToo() {
        String tricky = "Tr0ub\"ador\\&3 <x>";
        try (SecretScope scope = SecretScope.open()) {
            String placeholder = scope.add("password", tricky);

            assertThat(scope.redact("{\"value\":\"Tr0ub\\\"ador\\\\&3 <x>\"}")).isEqualTo("{\"value\":\"" + placeholder + "\"}");
            assertThat(scope.redact("<input value=\"Tr0ub&quot;ador\\&amp;3 &lt;x&gt;\">")).isEqualTo("<input value=\"" + placeholder + "\">");
            assertThat(scope.redact("password=Tr0ub%22ador%5C%263+%3Cx%3E&x=1")).isEqualTo("password=" + placeholder + "&x=1");
            assertThat(scope.redact("Tr0ub\"ador\\&3 <x>")).isEqualTo(placeholder);
        }
    }

    @Test
    void redactReplacesRealValuesWithTheirPlaceholders() {
        try (SecretScope scope = SecretScope.open()) {
            String password = scope.add("password", PASSWORD);
            String prefix = scope.add("short", "hunter2");
            String text = "typed " + PASSWORD + " then hunter2 again " + PASSWORD;

            String redacted = scope.redact(text);

            assertThat(redacted).isEqualTo("typed " + password + " then " + prefix + " again " + password);
            assertThat(redacted).doesNotContain("hunter2");
            assertThat(scope.resolve(redacted)).isEqualTo(text);
        }
    }

    @Test
    void redactDeepCleansNestedMapsListsAndKeys() {
        try (SecretScope scope = SecretScope.open()) {
            String password = scope.add("password", PASSWORD);
            Map<String, Object> output = Map.of(
                    "login_output", Map.of("typed", List.of("user", "pw=" + PASSWORD), "count", 2),
                    PASSWORD, new String[]{PASSWORD},
                    "flag", true);

            @SuppressWarnings("unchecked")
            Map<String, Object> redacted = (Map<String, Object>) scope.redactDeep(output);

            assertThat(redacted.toString()).doesNotContain(PASSWORD);
            assertThat(redacted).containsEntry("flag", true).containsEntry(password, List.of(password));
            assertThat(redacted.get("login_output")).isEqualTo(Map.of("typed", List.of("user", "pw=" + password), "count", 2));
        }
    }

    @Test
    void totpPlaceholderResolvesToTheCodeOfTheMomentAndItsSecretIsRedacted() {
        // 1111111109 is 29 s into its window, so the code of the next window is typed
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1111111109), ZoneOffset.UTC);
        try (SecretScope scope = SecretScope.open(clock)) {
            Map<String, String> placeholders = scope.addCredential(CredentialSecrets.password(USERNAME, PASSWORD, TOTP_SECRET));

            assertThat(placeholders).containsOnlyKeys("username", "password", "totp");
            assertThat(placeholders.get("totp")).matches("placeholder_[a-z0-9]{4}_totp");
            assertThat(scope.resolve(placeholders.get("totp"))).isEqualTo("050471");
            assertThat(scope.resolve(placeholders.get("username"))).isEqualTo(USERNAME);
            assertThat(scope.redact("secret is " + TOTP_SECRET.toLowerCase() + " or " + TOTP_SECRET))
                    .isEqualTo("secret is " + TOTP_SECRET.toLowerCase() + " or " + placeholders.get("totp"));
        }
    }

    @Test
    void secretCredentialGetsASecretPlaceholder() {
        try (SecretScope scope = SecretScope.open()) {
            Map<String, String> placeholders = scope.addCredential(CredentialSecrets.secret("sk-123"));
            assertThat(placeholders).containsOnlyKeys("secret");
            assertThat(scope.resolve(placeholders.get("secret"))).isEqualTo("sk-123");
        }
    }

    @Test
    void processWideRedactionCoversOpenScopesOnly() {
        SecretScope first = SecretScope.open();
        SecretScope second = SecretScope.open();
        String a = first.add("password", "first-run-password");
        String b = second.add("api_key", "second-run-key");

        assertThat(SecretRedaction.redact("log: first-run-password and second-run-key"))
                .isEqualTo("log: " + a + " and " + b);

        first.close();
        assertThat(SecretRedaction.redact("log: first-run-password and second-run-key"))
                .isEqualTo("log: first-run-password and " + b);
        second.close();
        assertThat(SecretRedaction.redact("second-run-key")).isEqualTo("second-run-key");
    }

    @Test
    void closedScopeRefusesToResolveAndToStringHidesValues() {
        SecretScope scope = SecretScope.open();
        String placeholder = scope.add("password", PASSWORD);
        assertThat(scope.toString()).doesNotContain(PASSWORD).contains("1 placeholders");
        scope.close();
        scope.close();

        assertThat(scope.isClosed()).isTrue();
        assertThatThrownBy(() -> scope.resolve(placeholder))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("secret scope is closed");
    }

    @Test
    void concurrentAddsResolveAndRedactConsistently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (SecretScope scope = SecretScope.open()) {
            List<Callable<Boolean>> jobs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String value = "value-number-" + i + "-xyz";
                jobs.add(() -> {
                    String placeholder = scope.add("field", value);
                    return scope.resolve(placeholder).equals(value)
                            && scope.redact("[" + value + "]").equals("[" + placeholder + "]");
                });
            }
            for (Future<Boolean> result : pool.invokeAll(jobs)) {
                assertThat(result.get()).isTrue();
            }
            assertThat(scope.placeholders()).hasSize(40);
        } finally {
            pool.shutdownNow();
        }
    }
}
