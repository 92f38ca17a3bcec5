package dev.rover.samples.demo;

import dev.rover.core.secret.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The portal's two-step sign-in, its session guard and its 404 page, over plain HTTP. */
class DemoSiteSignInTest {

    private static final DemoAccount ACCOUNT = DemoAccount.standard();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-01T10:15:00Z"), ZoneOffset.UTC);
    private static DemoSite site;

    @BeforeAll
    static void startSite() throws Exception {
        site = DemoSite.start(ACCOUNT, CLOCK);
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void listensOnLoopbackWithAnEphemeralPort() {
        assertThat(site.url()).matches("http://127\\.0\\.0\\.1:\\d+").doesNotEndWith(":0");
    }

    @Test
    void loginPageHasTheFormFields() throws Exception {
        HttpResponse<String> page = new PortalClient(site.url()).get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body())
                .contains("<label for=\"username\">Username</label>", "<label for=\"password\">Password</label>",
                        "name=\"username\"", "name=\"password\"", ">Sign in</button>")
                .doesNotContain("Invalid username or password.", "Log out");
    }

    @Test
    void wrongPasswordIsRejectedWith401AndNoSession() throws Exception {
        PortalClient client = new PortalClient(site.url());

        HttpResponse<String> response = client.postForm("/login", Map.of("username", ACCOUNT.username(), "password", "wrong"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Invalid username or password.");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(client.get("/verify").headers().firstValue("Location")).hasValue("/login");
    }

    @Test
    void unknownUsernameIsRejectedWithTheSameMessage() throws Exception {
        HttpResponse<String> response = new PortalClient(site.url())
                .postForm("/login", Map.of("username", "nobody@acme.test", "password", ACCOUNT.password()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Invalid username or password.");
    }

    @Test
    void rightPasswordLeadsToVerificationNotYetToTheDashboard() throws Exception {
        PortalClient client = new PortalClient(site.url());

        HttpResponse<String> response = client.postForm("/login",
                Map.of("username", " DEMO@acme.test ", "password", ACCOUNT.password()));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/verify");
        assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).startsWith("demo_session=").contains("HttpOnly"));
        HttpResponse<String> verify = client.get("/verify");
        assertThat(verify.statusCode()).isEqualTo(200);
        assertThat(verify.body()).contains("Two-step verification", "Verification code", "name=\"code\"");
        assertThat(client.get("/dashboard").headers().firstValue("Location")).hasValue("/login");
    }

    @Test
    void wrongCodeIsRejectedAndTheSessionStaysUnverified() throws Exception {
        PortalClient client = new PortalClient(site.url());
        client.postForm("/login", Map.of("username", ACCOUNT.username(), "password", ACCOUNT.password()));

        HttpResponse<String> response = client.postForm("/verify", Map.of("code", codeNoWindowAccepts()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Invalid verification code.");
        assertThat(client.get("/dashboard").statusCode()).isEqualTo(303);
    }

    @Test
    void rightCodeOpensTheDashboard() throws Exception {
        PortalClient client = new PortalClient(site.url());
        client.postForm("/login", Map.of("username", ACCOUNT.username(), "password", ACCOUNT.password()));
        String code = Totp.fromBase32(ACCOUNT.totpSecret()).codeAt(CLOCK.instant());

        HttpResponse<String> verified = client.postForm("/verify", Map.of("code", code.substring(0, 3) + " " + code.substring(3)));
        HttpResponse<String> dashboard = client.get("/dashboard");

        assertThat(verified.statusCode()).isEqualTo(303);
        assertThat(verified.headers().firstValue("Location")).hasValue("/dashboard");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body())
                .contains("<dt>Account name</dt><dd>Acme Corp</dd>", "<dt>Current balance</dt><dd>$1,234.50</dd>",
                        "Welcome back, demo@acme.test.", "Log out");
    }

    @Test
    void codeOfThePreviousStepIsStillAcceptedForClockSkew() throws Exception {
        PortalClient client = new PortalClient(site.url());
        client.postForm("/login", Map.of("username", ACCOUNT.username(), "password", ACCOUNT.password()));
        String previous = Totp.fromBase32(ACCOUNT.totpSecret()).codeAt(CLOCK.instant().minus(Duration.ofSeconds(30)));

        HttpResponse<String> response = client.postForm("/verify", Map.of("code", previous));

        assertThat(response.headers().firstValue("Location")).hasValue("/dashboard");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/dashboard", "/orders", "/orders?page=2", "/orders/ORD-1025", "/orders/ORD-1025/invoice.pdf",
            "/contact", "/verify"})
    void protectedPagesRedirectToLoginWithoutASession(String path) throws Exception {
        HttpResponse<String> response = new PortalClient(site.url()).get(path);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/login");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void forgedSessionCookieDoesNotOpenTheDashboard() throws Exception {
        var client = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(site.url() + "/dashboard"))
                .header("Cookie", "demo_session=00112233445566778899aabbccddeeff").build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/login");
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        PortalClient client = PortalClient.signedIn(site, ACCOUNT, CLOCK);

        HttpResponse<String> logout = client.get("/logout");

        assertThat(logout.headers().firstValue("Location")).hasValue("/login");
        assertThat(client.get("/dashboard").headers().firstValue("Location")).hasValue("/login");
    }

    @Test
    void rootSendsASignedInUserToTheDashboard() throws Exception {
        PortalClient client = PortalClient.signedIn(site, ACCOUNT, CLOCK);

        assertThat(client.get("/").headers().firstValue("Location")).hasValue("/dashboard");
    }

    @Test
    void unknownPageIs404AndEscapesThePath() throws Exception {
        PortalClient client = PortalClient.signedIn(site, ACCOUNT, CLOCK);

        HttpResponse<String> response = client.get("/no-such-page%3Cb%3E");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page not found", "/no-such-page&lt;b&gt;").doesNotContain("<b>");
    }

    @Test
    void unknownOrderIs404() throws Exception {
        PortalClient client = PortalClient.signedIn(site, ACCOUNT, CLOCK);

        assertThat(client.get("/orders/ORD-9999").statusCode()).isEqualTo(404);
        assertThat(client.get("/orders/ORD-9999/invoice.pdf").statusCode()).isEqualTo(404);
    }

    @Test
    void stylesheetIsServedWithoutASession() throws Exception {
        HttpResponse<String> css = new PortalClient(site.url()).get("/style.css");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(css.body()).contains("body {");
    }

    private static String codeNoWindowAccepts() {
        Totp totp = Totp.fromBase32(ACCOUNT.totpSecret());
        Instant now = CLOCK.instant();
        Set<String> accepted = Set.of(totp.codeAt(now), totp.codeAt(now.minusSeconds(30)), totp.codeAt(now.plusSeconds(30)));
        return Stream.iterate(0, i -> i + 1).map(i -> String.format("%06d", i))
                .filter(c -> !accepted.contains(c)).findFirst().orElseThrow();
    }
}
