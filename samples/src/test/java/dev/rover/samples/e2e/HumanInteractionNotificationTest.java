package dev.rover.samples.e2e;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rover.Rover;
import dev.rover.WorkflowRunOptions;
import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowLoader;
import dev.rover.core.run.HumanDecision;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code human_interaction} block with recipients mails its notification through the send_email
 * machinery (GreenMail as the SMTP server) before it pauses; without an SMTP server it fails clearly.
 */
class HumanInteractionNotificationTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Workflow NOTIFY = new WorkflowLoader().load("""
            title: Approve payment
            workflow_definition:
              blocks:
                - block_type: human_interaction
                  label: approval
                  instructions: Approve the payment run
                  sender: rover@example.test
                  recipients: [approver@example.test]
                  subject: A run awaits your approval
                  body: "Answer with rover runs resume"
                  timeout_seconds: 600
            """, "notify.yaml");

    @TempDir
    Path dir;

    @Test
    void theNotificationIsMailedThenTheRunPausesUntilApproved() throws Exception {
        Map<String, String> env = Map.of("ROVER_SMTP_HOST", "127.0.0.1", "ROVER_SMTP_PORT",
                String.valueOf(MAIL.getSmtp().getPort()));
        try (Rover rover = Rover.builder().dataDirectory(dir).environment(env).build()) {
            CompletableFuture<Run> done = rover.runWorkflowAsync(NOTIFY, Map.of(), WorkflowRunOptions.builder().build());
            assertThat(MAIL.waitForIncomingEmail(10_000, 1)).isTrue();
            MimeMessage mail = MAIL.getReceivedMessages()[0];
            assertThat(mail.getSubject()).isEqualTo("A run awaits your approval");
            assertThat(GreenMailUtil.getBody(mail)).contains("Answer with rover runs resume");

            String id = rover.listRuns(1).get(0).runId().value();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (rover.getRun(id).orElseThrow().status() != RunStatus.PAUSED && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(rover.getRun(id).orElseThrow().output().toString()).contains("approver@example.test");
            rover.resumeRun(id, new HumanDecision(true, null));

            Run ended = done.get(10, TimeUnit.SECONDS);
            assertThat(ended.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(ended.output().toString()).contains("decision=approved");
        }
    }

    @Test
    void withoutAnSmtpServerTheBlockFailsSayingWhy() throws Exception {
        try (Rover rover = Rover.builder().dataDirectory(dir).environment(Map.of()).build()) {
            Run ended = rover.runWorkflowAsync(NOTIFY, Map.of(), WorkflowRunOptions.builder().build()).get(10, TimeUnit.SECONDS);

            assertThat(ended.status()).isEqualTo(RunStatus.FAILED);
            assertThat(ended.failureReason()).contains("could not send its notification").contains("no SMTP host");
        }
    }
}
