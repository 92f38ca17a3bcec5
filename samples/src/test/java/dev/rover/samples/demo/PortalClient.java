package dev.rover.samples.demo;

import dev.rover.core.secret.Totp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser stand-in for the demo portal's HTTP tests: keeps the session cookie, never follows
 * redirects on its own (so tests can assert them), and knows how to sign in with password and TOTP.
 */
final class PortalClient {

    private final String baseUrl;
    private final HttpClient http;

    PortalClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Signs in with the account's password and the TOTP code the clock's instant gives. */
    static PortalClient signedIn(DemoSite site, DemoAccount account, Clock clock) throws IOException, InterruptedException {
        PortalClient client = new PortalClient(site.url());
        HttpResponse<String> login = client.postForm("/login", Map.of("username", account.username(), "password", account.password()));
        expectRedirect(login, "/verify");
        String code = Totp.fromBase32(account.totpSecret()).codeAt(clock.instant());
        expectRedirect(client.postForm("/verify", Map.of("code", code)), "/dashboard");
        return client;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postMultipart(String path, Multipart form) throws IOException, InterruptedException {
        return postRaw(path, form.contentType(), form.body());
    }

    HttpResponse<String> postRaw(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return http.send(request(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void expectRedirect(HttpResponse<?> response, String location) {
        String actual = response.headers().firstValue("Location").orElse("(none)");
        if (response.statusCode() != 303 || !actual.equals(location)) {
            throw new AssertionError("expected a 303 to " + location + " from " + response.uri()
                    + " but got " + response.statusCode() + " to " + actual);
        }
    }

    /** A multipart/form-data body built the way a browser sends it. */
    static final class Multipart {
        private final String boundary = "----RoverTestBoundary7MA4YWxkTrZu0gW";
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
            out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            write("\r\n");
            return this;
        }

        Multipart file(String name, String fileName, String type, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"");
            out.writeBytes(fileName.getBytes(StandardCharsets.UTF_8));
            write("\"\r\nContent-Type: " + type + "\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] body() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(out.toByteArray());
            all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return all.toByteArray();
        }

        private void write(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
        }
    }
}
