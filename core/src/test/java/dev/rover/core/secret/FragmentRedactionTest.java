package dev.rover.core.secret;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10 item 2: redaction covers any piece of six or more characters of a secret, not only the whole value. */
class FragmentRedactionTest {

    private static final String PASSWORD = "Tr0ub4dor&3-Horse!";

    @Test
    void everyPrefixAKeystrokeReporterWouldSendIsRedacted() {
        try (SecretScope scope = SecretScope.open()) {
            String placeholder = scope.add("password", PASSWORD);
            for (int end = 6; end <= PASSWORD.length(); end++) {
                String report = "GET /keys?v=" + PASSWORD.substring(0, end) + " HTTP/1.1";
                String redacted = scope.redact(report);
                assertThat(redacted).as("prefix of %d characters", end).isEqualTo("GET /keys?v=" + placeholder + " HTTP/1.1");
            }
            assertThat(scope.redact("k=" + PASSWORD.substring(0, 5))).as("five characters are no leak").isEqualTo("k=Tr0ub");
        }
    }

    @Test
    void piecesInsideOtherTextAndInEncodedFormsAreRedacted() {
        try (SecretScope scope = SecretScope.open()) {
            String placeholder = scope.add("password", PASSWORD);
            assertThat(scope.redact("echo: xx" + PASSWORD.substring(3, 12) + "yy")).isEqualTo("echo: xx" + placeholder + "yy");
            assertThat(scope.redact("{\"v\":\"" + "4dor&3-Hor" + "\"}")).isEqualTo("{\"v\":\"" + placeholder + "\"}");
            assertThat(scope.redact("p=4dor%263-Ho")).doesNotContain("4dor%263").contains(placeholder);
            assertThat(scope.redact("<p>4dor&amp;3-H</p>")).isEqualTo("<p>" + placeholder + "</p>");
            assertThat(scope.containsSecret("..." + PASSWORD.substring(10) + "...")).isTrue();
            assertThat(scope.containsSecret("Horse")).isFalse();
        }
    }

    @Test
    void aUsernameIsRedactedWholeButItsMailDomainStaysReadable() {
        try (SecretScope scope = SecretScope.open()) {
            Map<String, String> login = scope.addCredential(CredentialSecrets.password("ann@shop.example.com", PASSWORD, null));
            assertThat(scope.redact("signed in as ann@shop.example.com")).isEqualTo("signed in as " + login.get("username"));
            assertThat(scope.redact("https://shop.example.com/orders")).isEqualTo("https://shop.example.com/orders");
            assertThat(scope.redact("typed " + PASSWORD.substring(0, 7))).isEqualTo("typed " + login.get("password"));
        }
    }

    @Test
    void theWordsOfALoginFormStayReadableWhenAPasswordContainsThem() {
        try (SecretScope scope = SecretScope.open()) {
            String placeholder = scope.add("password", "not-the-password-91");
            String form = "Invalid username or password. <input type=\"password\" label=\"Password\" autocomplete=\"current-password\">";
            assertThat(scope.redact(form)).isEqualTo(form);
            assertThat(scope.redact("draft=not-the-passw")).isEqualTo("draft=" + placeholder);
            assertThat(scope.redact("v=the-password-9")).isEqualTo("v=" + placeholder);
        }
    }

    @Test
    void aSecretShorterThanSixCharactersIsRedactedWhole() {
        try (SecretScope scope = SecretScope.open()) {
            String pin = scope.add("secret", "4711");
            assertThat(scope.redact("pin 4711 and 471")).isEqualTo("pin " + pin + " and 471");
        }
    }

    @Test
    void logLinesAreScrubbedOfPiecesWhileTheScopeIsOpen() {
        try (SecretScope scope = SecretScope.open()) {
            String placeholder = scope.add("password", PASSWORD);
            assertThat(SecretRedaction.redact("value so far: " + PASSWORD.substring(0, PASSWORD.length() - 1)))
                    .isEqualTo("value so far: " + placeholder);
        }
    }
}
