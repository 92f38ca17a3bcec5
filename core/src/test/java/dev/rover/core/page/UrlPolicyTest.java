package dev.rover.core.page;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Only http and https are opened; file: only when allowed; javascript: and malformed URLs never. */
class UrlPolicyTest {

    @Test
    void httpAndHttpsAreOpened() {
        assertThat(UrlPolicy.check("https://shop.example/orders?q=a b#top", false)).isEmpty();
        assertThat(UrlPolicy.check("http://127.0.0.1:8080", false)).isEmpty();
        assertThat(UrlPolicy.check("about:blank", false)).isEmpty();
    }

    @Test
    void fileUrlsOnlyWhenAllowed() {
        assertThat(UrlPolicy.check("file:///etc/passwd", false)).contains("'file:///etc/passwd' is a file: URL; only http and "
                + "https URLs are opened unless file URLs are allowed (RoverBuilder.allowFileUrls(true) or --allow-file-urls)");
        assertThat(UrlPolicy.check("FILE:///etc/passwd", true)).isEmpty();
        assertThat(UrlPolicy.malformed("file:///etc/passwd")).isEmpty();
    }

    @Test
    void otherSchemesAndMalformedUrlsAreNeverOpened() {
        assertThat(UrlPolicy.check("javascript:alert(document.cookie)", true))
                .contains("'javascript:alert(document.cookie)' uses scheme 'javascript'; only http and https URLs are opened");
        assertThat(UrlPolicy.check("data:text/html,<h1>x</h1>", true))
                .contains("'data:text/html,<h1>x</h1>' uses scheme 'data'; only http and https URLs are opened");
        assertThat(UrlPolicy.check("shop.example/orders", true))
                .contains("'shop.example/orders' is not an absolute URL; write it with http:// or https://");
        assertThat(UrlPolicy.check("https:///nohost", true)).contains("'https:///nohost' is not a valid https URL: it has no host");
        assertThat(UrlPolicy.check("https://a.example/\u001b[2J", true))
                .contains("'https://a.example/\\u001b[2J' is not a valid URL: it has surrounding spaces or control characters");
        assertThat(UrlPolicy.check("", true)).contains("the URL is empty");
    }
}
