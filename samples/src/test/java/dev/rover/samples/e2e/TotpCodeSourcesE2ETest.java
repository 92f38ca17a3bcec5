package dev.rover.samples.e2e;

import com.sun.net.httpserver.HttpServer;
import dev.rover.WorkflowRunOptions;
import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowLoader;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import dev.rover.core.secret.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One-time codes that are not stored with the credential: pushed by the application for a
 * {@code totp_identifier}, or fetched from a {@code totp_url} at the moment the code field is typed.
 */
class TotpCodeSourcesE2ETest {

    @TempDir
    static Path data;

    private static OfflinePortal portal;
    private static String passwordOnly;

    @BeforeAll
    static void start() throws IOException {
        portal = OfflinePortal.start(data);
        passwordOnly = portal.rover().credentials()
                .addPassword("portal-no-totp", portal.account().username(), portal.account().password(), null).id();
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    private static Workflow login(String topLevelTotpSetting) {
        return new WorkflowLoader().load("""
                title: Sign in with a code from elsewhere
                %s
                workflow_definition:
                  parameters:
                    - key: portal_url
                      parameter_type: workflow
                      workflow_parameter_type: string
                    - key: credentials
                      parameter_type: workflow
                      workflow_parameter_type: credential_id
                  blocks:
                    - block_type: login
                      label: sign_in
                      url: "{{ portal_url }}/login"
                      parameter_keys: [credentials]
                      complete_criterion: URL contains /dashboard
                      max_steps_per_run: 5
                """.formatted(topLevelTotpSetting), "login.yaml");
    }

    private static String currentCode() {
        return Totp.fromBase32(portal.account().totpSecret()).codeAt(Instant.now());
    }

    private static Run run(Workflow workflow) {
        return portal.rover().runWorkflow(workflow, Map.of("portal_url", portal.site().url(), "credentials", passwordOnly),
                WorkflowRunOptions.builder().waitForCompletion(true).timeout(Duration.ofMinutes(2)).build());
    }

    @Test
    void aCodePushedForTheRunsTotpIdentifierIsTypedAtTheCodeField() {
        portal.rover().pushTotpCode("portal-sms", currentCode());

        Run run = run(login("totp_identifier: portal-sms"));

        assertThat(run.status()).as(run.failureReason()).isEqualTo(RunStatus.COMPLETED);
        assertThat(portal.rover().getRunTimeline(run.runId().value()).toString()).contains("placeholder_").doesNotContain(currentCode());
    }

    @Test
    void aCodeFromTheTotpUrlIsFetchedWhenTheCodeFieldIsTyped() throws IOException {
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer codes = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        codes.createContext("/otp", ex -> {
            requests.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = ("{\"verification_code\": \"" + currentCode() + "\"}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        codes.start();
        try {
            String url = "http://127.0.0.1:" + codes.getAddress().getPort() + "/otp";
            Run run = run(login("totp_verification_url: \"" + url + "\"\ntotp_identifier: portal-app"));

            assertThat(run.status()).as(run.failureReason()).isEqualTo(RunStatus.COMPLETED);
            assertThat(requests).singleElement().asString().contains("portal-app").contains(run.runId().value());
        } finally {
            codes.stop(0);
        }
    }
}
