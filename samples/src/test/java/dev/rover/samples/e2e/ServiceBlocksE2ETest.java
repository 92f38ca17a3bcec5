package dev.rover.samples.e2e;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rover.Rover;
import dev.rover.RoverBuilder;
import dev.rover.WorkflowRunOptions;
import dev.rover.core.json.Json;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import dev.rover.samples.e2e.fakellm.ScriptedLlmProvider;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static dev.rover.samples.e2e.RunChecks.assertCompleted;
import static dev.rover.samples.e2e.RunChecks.blockOutput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The service blocks and vendor-secret parameters against in-process services: GreenMail for SMTP, an
 * S3-compatible server, AWS Secrets Manager's JSON protocol, a file server and the scripted LLM provider.
 * No browser: none of these blocks opens a page.
 */
class ServiceBlocksE2ETest {

    static final String SMTP_USER = "mailer";
    static final String SMTP_PASSWORD = "smtp-pass-Qx81zKv";
    static final String ACCESS_KEY = "AKIDROVERTEST";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SMTP_USER, SMTP_PASSWORD));

    @TempDir
    Path dir;

    static FakeS3Server s3;
    static FakeSecretsManager secretsManager;
    static ServiceFiles files;

    @BeforeAll
    static void startServices() throws IOException {
        s3 = FakeS3Server.start(ACCESS_KEY);
        secretsManager = FakeSecretsManager.start();
        files = ServiceFiles.start();
    }

    @AfterAll
    static void stopServices() {
        s3.close();
        secretsManager.close();
        files.close();
    }

    static Map<String, String> awsEnvironment() {
        return Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", "test-secret-key-Lm29", "AWS_ENDPOINT_URL_S3", s3.endpoint(),
                "AWS_ENDPOINT_URL_SECRETS_MANAGER", secretsManager.endpoint(), "ROVER_S3_BUCKET", "rover-uploads");
    }

    Rover rover(Map<String, String> env, UnaryOperator<RoverBuilder> more) {
        return more.apply(Rover.builder().dataDirectory(dir.resolve("data")).environment(env).defaultEngine("offline")).build();
    }

    Run run(Rover rover, String yaml, Map<String, Object> parameters) throws IOException {
        Path file = Files.writeString(dir.resolve("workflow-" + System.nanoTime() + ".yaml"), yaml);
        return rover.runWorkflow(file, parameters, WorkflowRunOptions.builder().waitForCompletion(true)
                .timeout(Duration.ofMinutes(2)).build());
    }

    static final String SMTP_PARAMETERS = """
              - key: smtp_host
                parameter_type: aws_secret
                aws_key: SMTP_HOST
              - key: smtp_port
                parameter_type: aws_secret
                aws_key: SMTP_PORT
              - key: smtp_username
                parameter_type: aws_secret
                aws_key: SMTP_USERNAME
              - key: smtp_password
                parameter_type: aws_secret
                aws_key: SMTP_PASSWORD
            """.indent(2);

    static final String EMAIL_BLOCK = """
              - block_type: send_email
                label: mail_report
                smtp_host_secret_parameter_key: smtp_host
                smtp_port_secret_parameter_key: smtp_port
                smtp_username_secret_parameter_key: smtp_username
                smtp_password_secret_parameter_key: smtp_password
                sender: rover@example.com
                recipients:
                  - "{{ recipient }}"
                subject: "Orders report {{ period }}"
                body: "{{ parse_report_output }}"
                file_attachments:
                  - SKYVERN_DOWNLOAD_DIRECTORY
            """.indent(2);

    @Test
    void aDownloadedReportIsUploadedParsedAndMailedWithSmtpSettingsFromSecretsManager() throws Exception {
        byte[] csv = "order_id,total,note\nORD-1,12.50,\"first, with comma\"\nORD-2,7.25,plain\n".getBytes(StandardCharsets.UTF_8);
        String url = files.serve("/exports/report.csv", csv);
        secretsManager.secret("SMTP_HOST", "127.0.0.1").secret("SMTP_PORT", String.valueOf(MAIL.getSmtp().getPort()))
                .secret("SMTP_USERNAME", SMTP_USER).secret("SMTP_PASSWORD", SMTP_PASSWORD);
        String yaml = """
                title: Mail the report
                workflow_definition:
                  parameters:
                    - key: recipient
                      parameter_type: workflow
                      workflow_parameter_type: string
                    - key: period
                      parameter_type: workflow
                      workflow_parameter_type: string
                """ + SMTP_PARAMETERS + """
                  blocks:
                    - block_type: download_to_s3
                      label: fetch_report
                      url: "%s"
                    - block_type: file_url_parser
                      label: parse_report
                      file_url: SKYVERN_DOWNLOAD_DIRECTORY/report.csv
                      file_type: csv
                """.formatted(url) + EMAIL_BLOCK;

        try (Rover rover = rover(awsEnvironment(), b -> b)) {
            Run run = run(rover, yaml, Map.of("recipient", "ops@example.com", "period", "March"));

            assertCompleted(run);
            List<String> uploaded = blockOutput(run, "fetch_report");
            assertThat(uploaded).containsExactly("s3://rover-uploads/" + run.runId() + "/report.csv");
            assertThat(s3.objects().get("rover-uploads/" + run.runId() + "/report.csv")).isEqualTo(csv);
            List<Map<String, String>> rows = blockOutput(run, "parse_report");
            assertThat(rows).containsExactly(Map.of("order_id", "ORD-1", "total", "12.50", "note", "first, with comma"),
                    Map.of("order_id", "ORD-2", "total", "7.25", "note", "plain"));

            MimeMessage[] received = MAIL.getReceivedMessages();
            assertThat(received).hasSize(1);
            MimeMessage mail = received[0];
            assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly("ops@example.com");
            assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("rover@example.com");
            assertThat(mail.getSubject()).isEqualTo("Orders report March");
            MimeMultipart parts = (MimeMultipart) mail.getContent();
            assertThat(parts.getCount()).isEqualTo(2);
            assertThat((String) parts.getBodyPart(0).getContent()).contains("ORD-1", "first, with comma", "ORD-2");
            BodyPart attachment = parts.getBodyPart(1);
            assertThat(attachment.getFileName()).isEqualTo("report.csv");
            // text parts travel with CRLF line ends (MIME canonical form)
            assertThat(new String(attachment.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n"))
                    .isEqualTo(new String(csv, StandardCharsets.UTF_8));
            assertThat(secretsManager.requested()).contains("SMTP_HOST", "SMTP_PORT", "SMTP_USERNAME", "SMTP_PASSWORD");

            String recorded = Json.compact(run.output()) + run.parameters();
            assertThat(recorded).doesNotContain(SMTP_PASSWORD).doesNotContain(SMTP_PASSWORD.substring(0, 6));
        }
    }

    @Test
    void withoutAwsVendorSecretsComeFromTheVaultAndAMissingOneRefusesTheRunNamingTheCommand() throws Exception {
        Path attachment = Files.writeString(dir.resolve("notes.txt"), "attached notes");
        String yaml = """
                title: Mail from the vault
                workflow_definition:
                  parameters:
                    - key: recipient
                      parameter_type: workflow
                      workflow_parameter_type: string
                """ + SMTP_PARAMETERS + """
                  blocks:
                    - block_type: send_email
                      label: mail_notes
                      smtp_host_secret_parameter_key: smtp_host
                      smtp_port_secret_parameter_key: smtp_port
                      smtp_username_secret_parameter_key: smtp_username
                      smtp_password_secret_parameter_key: smtp_password
                      sender: rover@example.com
                      recipients: ["{{ recipient }}", "second@example.com"]
                      subject: Notes
                      body: See the attachment.
                      file_attachments:
                        - "%s"
                """.formatted(attachment.toString().replace("\\", "/"));
        try (Rover rover = rover(Map.of(), b -> b)) {
            rover.credentials().addSecret("SMTP_HOST", "127.0.0.1");
            rover.credentials().addSecret("SMTP_PORT", String.valueOf(MAIL.getSmtp().getPort()));
            rover.credentials().addSecret("SMTP_USERNAME", SMTP_USER);

            assertThatThrownBy(() -> run(rover, yaml, Map.of("recipient", "ops@example.com")))
                    .hasMessageContaining("parameter 'smtp_password' (aws_secret)")
                    .hasMessageContaining("no secret 'SMTP_PASSWORD'")
                    .hasMessageContaining("rover credentials add SMTP_PASSWORD --secret-env VAR");

            rover.credentials().addSecret("SMTP_PASSWORD", SMTP_PASSWORD);
            Run run = run(rover, yaml, Map.of("recipient", "ops@example.com"));

            assertCompleted(run);
            MimeMessage mail = MAIL.getReceivedMessages()[0];
            assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("ops@example.com", "second@example.com");
            MimeMultipart parts = (MimeMultipart) mail.getContent();
            assertThat(((String) parts.getBodyPart(0).getContent()).trim()).isEqualTo("See the attachment.");
            assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("notes.txt");
            Map<String, Object> output = blockOutput(run, "mail_notes");
            assertThat(output).containsEntry("success", true).containsEntry("attachments", List.of("notes.txt"));
        }
    }

    @Test
    void aBitwardenLoginComesFromTheVaultAsPlaceholdersAndAMissingOneNamesTheCommand() throws Exception {
        String yaml = """
                title: Vault login
                workflow_definition:
                  parameters:
                    - key: shop_login
                      parameter_type: bitwarden_login_credential
                      bitwarden_client_id_aws_secret_key: SECRET
                      bitwarden_item_id: shop-item
                  blocks:
                    - {block_type: wait, label: pause, wait_sec: 1}
                """;
        try (Rover rover = rover(Map.of(), b -> b)) {
            assertThatThrownBy(() -> run(rover, yaml, Map.of()))
                    .hasMessageContaining("parameter 'shop_login' names credential 'shop-item', which is not in the vault")
                    .hasMessageContaining("rover credentials add shop-item");

            rover.credentials().addPassword("shop-item", "ann@shop.test", "shop-Pw-77xQ", null);
            Run run = run(rover, yaml, Map.of());

            assertCompleted(run);
            String recorded = String.valueOf(run.parameters());
            assertThat(recorded).contains("placeholder_").doesNotContain("shop-Pw-77xQ").doesNotContain("ann@shop.test");
        }
    }

    @Test
    void wrongSmtpCredentialsFailTheBlockWithoutShowingThem() throws Exception {
        String yaml = """
                title: Bad password
                workflow_definition:
                  parameters:
                    - key: recipient
                      parameter_type: workflow
                      workflow_parameter_type: string
                """ + SMTP_PARAMETERS + """
                  blocks:
                    - block_type: send_email
                      label: mail_notes
                      smtp_host_secret_parameter_key: smtp_host
                      smtp_port_secret_parameter_key: smtp_port
                      smtp_username_secret_parameter_key: smtp_username
                      smtp_password_secret_parameter_key: smtp_password
                      sender: rover@example.com
                      recipients: ["{{ recipient }}"]
                      subject: Notes
                      body: text
                """;
        try (Rover rover = rover(Map.of(), b -> b)) {
            rover.credentials().addSecret("SMTP_HOST", "127.0.0.1");
            rover.credentials().addSecret("SMTP_PORT", String.valueOf(MAIL.getSmtp().getPort()));
            rover.credentials().addSecret("SMTP_USERNAME", SMTP_USER);
            rover.credentials().addSecret("SMTP_PASSWORD", "wrong-password-Zz91");

            Run run = run(rover, yaml, Map.of("recipient", "ops@example.com"));

            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.failureReason()).contains("send_email block 'mail_notes' could not send")
                    .doesNotContain("wrong-password-Zz91").doesNotContain("wrong-");
            assertThat(MAIL.getReceivedMessages()).isEmpty();
        }
    }

    @Test
    void fileUploadUsesTheKeysItsBlockNamesAndUploadToS3TheEnvironmentBucket() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("out"));
        Files.writeString(folder.resolve("a.txt"), "alpha");
        Files.writeString(folder.resolve("b.txt"), "beta");
        String yaml = """
                title: Archive
                workflow_definition:
                  parameters:
                    - key: key_id
                      parameter_type: aws_secret
                      aws_key: ARCHIVE_KEY_ID
                    - key: key_secret
                      parameter_type: aws_secret
                      aws_key: ARCHIVE_KEY_SECRET
                  blocks:
                    - block_type: file_upload
                      label: archive
                      storage_type: s3
                      s3_bucket: archive
                      region_name: eu-west-1
                      aws_access_key_id: "{{ key_id }}"
                      aws_secret_access_key: "{{ key_secret }}"
                      path: "%s"
                    - block_type: upload_to_s3
                      label: to_default_bucket
                      path: "%s"
                """.formatted(folder.toString().replace("\\", "/"), folder.resolve("a.txt").toString().replace("\\", "/"));
        Map<String, String> env = new HashMap<>(Map.of("AWS_ENDPOINT_URL_S3", s3.endpoint(), "ROVER_S3_BUCKET", "defaults"));
        try (Rover rover = rover(env, b -> b)) {
            rover.credentials().addSecret("ARCHIVE_KEY_ID", ACCESS_KEY);
            rover.credentials().addSecret("ARCHIVE_KEY_SECRET", "wJalrXUtnFEMI-K7MDENG");

            Run run = run(rover, yaml, Map.of());

            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.failureReason()).contains("upload_to_s3 block 'to_default_bucket' needs AWS credentials");
            List<String> archived = blockOutput(run, "archive");
            assertThat(archived).containsExactly("s3://archive/" + run.runId() + "/a.txt", "s3://archive/" + run.runId() + "/b.txt");
            assertThat(s3.objects().get("archive/" + run.runId() + "/b.txt")).asString(StandardCharsets.UTF_8).isEqualTo("beta");
        }
    }

    @Test
    void textPromptAsksTheModelOnceMoreWhenTheAnswerMissesTheSchema() throws Exception {
        String yaml = """
                title: Answer
                workflow_definition:
                  parameters:
                    - key: role
                      parameter_type: workflow
                      workflow_parameter_type: string
                  blocks:
                    - block_type: text_prompt
                      label: answer
                      prompt: "Write a one-line pitch for the {{ role }} role."
                      json_schema:
                        type: object
                        properties:
                          pitch: {type: string}
                          words: {type: integer}
                        required: [pitch, words]
                """;
        try (ScriptedLlmProvider llm = ScriptedLlmProvider.start()) {
            llm.answersPrompt(prompt -> "{\"pitch\": \"too short\", \"words\": \"three\"}")
                    .answersPrompt(prompt -> prompt.contains("barista") ? "{\"pitch\": \"Coffee with care\", \"words\": 3}" : "{}");
            try (Rover rover = rover(Map.of(), b -> b.llm(llm.config().build()).defaultEngine("llm"))) {
                Run run = run(rover, yaml, Map.of("role", "barista"));

                assertCompleted(run);
                Map<String, Object> answer = blockOutput(run, "answer");
                assertThat(answer).containsEntry("pitch", "Coffee with care").containsEntry("words", 3);
                List<ScriptedLlmProvider.Call> calls = llm.calls(ScriptedLlmProvider.Kind.PROMPT);
                assertThat(calls).hasSize(2);
                assertThat(calls.get(0).prompt()).contains("\"words\"", "barista");
                assertThat(calls.get(1).prompt()).contains("rejected", "words");
            }
        }
    }

    @Test
    void theOfflineEngineRefusesTextPromptNamingTheBlock() throws Exception {
        String yaml = """
                title: Offline answer
                workflow_definition:
                  blocks:
                    - block_type: text_prompt
                      label: summarise
                      prompt: Summarise the week.
                """;
        try (Rover rover = rover(Map.of(), b -> b)) {
            Run run = run(rover, yaml, Map.of());

            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.failureReason()).contains("offline engine cannot run text_prompt block 'summarise'");
        }
    }
}
