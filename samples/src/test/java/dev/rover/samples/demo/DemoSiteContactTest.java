package dev.rover.samples.demo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The contact form: its labels, a multipart submission with a file, and escaping on the confirmation page. */
class DemoSiteContactTest {

    private static final DemoAccount ACCOUNT = DemoAccount.standard();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-01T10:15:00Z"), ZoneOffset.UTC);
    private static final Pattern REFERENCE = Pattern.compile("<dt>Reference</dt><dd>(MSG-\\d+)</dd>");

    private static DemoSite site;
    private static PortalClient client;

    @BeforeAll
    static void signIn() throws Exception {
        site = DemoSite.start(ACCOUNT, CLOCK);
        client = PortalClient.signedIn(site, ACCOUNT, CLOCK);
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void formKeepsTheLabelsTheSampleWorkflowUses() throws Exception {
        HttpResponse<String> page = client.get("/contact");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("enctype=\"multipart/form-data\"",
                "<label for=\"name\">Your name</label>", "<label for=\"email\">Email</label>",
                "<label for=\"topic\">Topic</label>", "<option value=\"billing\">Billing</option>",
                "name=\"urgent\"", "value=\"yes\"> Urgent</label>", "<label for=\"message\">Message</label>", "<textarea",
                "<label for=\"attachment\">Attachment</label>", "type=\"file\"", ">Send message</button>");
    }

    @Test
    void multipartSubmissionWithAFileShowsTheConfirmation() throws Exception {
        byte[] file = new byte[1500];
        Arrays.fill(file, (byte) 0xE9);
        file[0] = '-';
        file[1] = '-';

        HttpResponse<String> sent = client.postMultipart("/contact", new PortalClient.Multipart()
                .field("name", "Ada Lovelace")
                .field("email", "ada@example.com")
                .field("topic", "billing")
                .field("urgent", "yes")
                .field("message", "Please resend the March invoices.\r\nThanks!")
                .file("attachment", "march.pdf", "application/pdf", file));

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("<h1>Message sent</h1>", "Thank you, Ada Lovelace.",
                "<dt>Status</dt><dd>Received</dd>",
                "<dt>Email</dt><dd>ada@example.com</dd>",
                "<dt>Topic</dt><dd>Billing</dd>",
                "<dt>Urgent</dt><dd>Yes</dd>",
                "<dt>Copy requested</dt><dd>No</dd>",
                "<dt>Message</dt><dd class=\"message\">Please resend the March invoices.\r\nThanks!</dd>",
                "<dt>Attachment</dt><dd>march.pdf (1500 bytes)</dd>");
        assertThat(REFERENCE.matcher(sent.body()).find()).as("a MSG- reference").isTrue();
    }

    @Test
    void everySubmissionGetsItsOwnReference() throws Exception {
        String first = reference(client.postMultipart("/contact", minimalForm()).body());
        String second = reference(client.postMultipart("/contact", minimalForm()).body());

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void uncheckedBoxesAndNoFileAreReportedAsSuch() throws Exception {
        String body = client.postMultipart("/contact", minimalForm()
                .file("attachment", "", "application/octet-stream", new byte[0])).body();

        assertThat(body).contains("<dt>Urgent</dt><dd>No</dd>", "<dt>Attachment</dt><dd>None</dd>",
                "<dt>Topic</dt><dd>General question</dd>");
    }

    @Test
    void nonAsciiFileNamesArriveIntact() throws Exception {
        String body = client.postMultipart("/contact", new PortalClient.Multipart()
                .field("name", "Zoë Ångström")
                .field("message", "Grüße")
                .file("attachment", "résumé.txt", "text/plain", "olá".getBytes(StandardCharsets.UTF_8))).body();

        assertThat(body).contains("Thank you, Zoë Ångström.", "<dt>Message</dt><dd class=\"message\">Grüße</dd>",
                "<dt>Attachment</dt><dd>résumé.txt (4 bytes)</dd>");
    }

    @Test
    void userInputIsHtmlEscapedOnTheConfirmation() throws Exception {
        String body = client.postMultipart("/contact", new PortalClient.Multipart()
                .field("name", "<script>alert('x')</script> & Co")
                .field("email", "a\"b@example.com")
                .field("topic", "<b>billing</b>")
                .field("message", "<img src=x onerror=alert(1)>")
                .file("attachment", "<i>evil</i>.txt", "text/plain", new byte[3])).body();

        assertThat(body).doesNotContain("<script>", "<b>billing", "<img", "<i>evil")
                .contains("&lt;script&gt;alert(", "&amp; Co", "&lt;b&gt;billing&lt;/b&gt;", "a&quot;b@example.com",
                        "&lt;img src=x onerror=alert(1)&gt;", "&lt;i&gt;evil&lt;/i&gt;.txt (3 bytes)");
    }

    @Test
    void templateSyntaxInUserInputIsShownNotEvaluated() throws Exception {
        String body = client.postMultipart("/contact", new PortalClient.Multipart()
                .field("name", "{{ 7 * 7 }} {% if true %}yes{% endif %}")
                .field("message", "{{ title }}")).body();

        assertThat(body).contains("Thank you, {{ 7 * 7 }} {% if true %}yes{% endif %}.",
                "<dd class=\"message\">{{ title }}</dd>");
    }

    @Test
    void urlEncodedSubmissionWorksToo() throws Exception {
        HttpResponse<String> sent = client.postForm("/contact",
                Map.of("name", "Grace Hopper", "email", "grace@example.com", "topic", "support", "copy", "yes", "message", "Hi"));

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("Thank you, Grace Hopper.", "<dt>Topic</dt><dd>Technical support</dd>",
                "<dt>Copy requested</dt><dd>Yes</dd>", "<dt>Attachment</dt><dd>None</dd>");
    }

    @Test
    void multipartWithoutBoundaryIsABadRequestThatSaysWhy() throws Exception {
        HttpResponse<String> response = client.postRaw("/contact", "multipart/form-data", "name=x".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("/contact", "without a boundary");
    }

    private static PortalClient.Multipart minimalForm() {
        return new PortalClient.Multipart()
                .field("name", "Ada")
                .field("email", "ada@example.com")
                .field("topic", "general")
                .field("message", "Hello");
    }

    private static String reference(String html) {
        Matcher m = REFERENCE.matcher(html);
        assertThat(m.find()).as("a MSG- reference in the confirmation").isTrue();
        return m.group(1);
    }
}
