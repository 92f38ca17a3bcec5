package dev.rover.browser.observe;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScreenshotTakerTest extends ChromiumPageTest {

    @Override
    com.microsoft.playwright.Browser.NewContextOptions contextOptions() {
        return new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(800, 600);
    }

    private static final int MAGENTA = 0xFF00FF;

    private final ScreenshotTaker screenshots = new ScreenshotTaker();

    @Test
    void passwordAndSecretFieldsArePaintedWithTheMaskColour() throws IOException {
        server.load(page, "forms.html");
        BufferedImage image = decode(screenshots.viewport(page));

        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(600);
        assertThat(rgbAtCentre(image, page.locator("#pw").boundingBox())).isEqualTo(MAGENTA);
        assertThat(rgbAtCentre(image, page.locator("[name=apiKey]").boundingBox())).isEqualTo(MAGENTA);
        assertThat(rgbAtCentre(image, page.locator("#first").boundingBox())).isNotEqualTo(MAGENTA);
    }

    @Test
    void aPasswordFieldInsideAShadowRootIsMaskedToo() throws IOException {
        page.setContent("<p>Sign in</p><div id=host></div><script>const root = document.getElementById('host')"
                + ".attachShadow({mode: 'open'}); root.innerHTML = '<input id=inner type=password value=hunter2hunter2"
                + " style=\"width:200px;height:40px\">';</script>");
        BufferedImage image = decode(screenshots.viewport(page));

        assertThat(rgbAtCentre(image, page.locator("#inner").boundingBox())).isEqualTo(MAGENTA);
    }

    @Test
    void aDocumentWithoutARootElementIsShotAsItsViewport() throws IOException {
        // what a browser error page (a host that does not resolve) offers a page script
        page.setContent("<p>Gone soon</p>");
        page.evaluate("document.documentElement.remove()");

        BufferedImage image = decode(screenshots.fullPage(page, 3));

        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(600);
    }

    @Test
    void fullPageStopsAfterTheScrollLimit() throws IOException {
        server.load(page, "hidden.html");
        double documentHeight = ((Number) page.evaluate("() => document.documentElement.scrollHeight")).doubleValue();
        assertThat(documentHeight).isGreaterThan(1800);

        BufferedImage limited = decode(screenshots.fullPage(page, 1));
        BufferedImage whole = decode(screenshots.fullPage(page, 20));

        assertThat(limited.getHeight()).isEqualTo(1200);
        assertThat(whole.getHeight()).isEqualTo((int) documentHeight);
    }

    @Test
    void aPageWithNothingToMaskIsCapturedAsShownScrolledAsItIs() throws IOException {
        page.setContent("<body style='margin:0;height:3000px'><div style='position:absolute;top:1000px;left:0;"
                + "width:200px;height:100px;background:#00ff00'></div></body>");
        page.evaluate("window.scrollTo(0, 950)");

        BufferedImage image = decode(screenshots.viewport(page));

        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(600);
        assertThat(image.getRGB(100, 100) & 0xFFFFFF).as("the div, 50 px below the scrolled top").isEqualTo(0x00FF00);
        assertThat(image.getRGB(100, 20) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        // a secret field that appears later is masked in the next shot
        page.evaluate("document.body.insertAdjacentHTML('afterbegin', \"<input id=pw type=password value=hunter22"
                + " style='position:fixed;top:300px;left:300px;width:200px;height:40px'>\")");
        BufferedImage masked = decode(screenshots.viewport(page));
        assertThat(rgbAtCentre(masked, page.locator("#pw").boundingBox())).isEqualTo(MAGENTA);
    }

    @Test
    void theTabIsCapturedAfterItNavigatedToAnotherSite() throws IOException {
        server.load(page, "forms.html");
        screenshots.viewport(page);
        // another site runs in another renderer process; the capture must follow the tab there
        page.navigate(server.crossOriginUrl("content.html"));
        page.evaluate("document.body.innerHTML = '';"
                + " document.body.style.cssText = 'margin:0;background:#0000ff'");

        BufferedImage image = decode(screenshots.viewport(page));

        assertThat(image.getRGB(400, 300) & 0xFFFFFF).isEqualTo(0x0000FF);
    }

    @Test
    void negativeScrollLimitIsRejected() {
        assertThatThrownBy(() -> screenshots.fullPage(page, -1)).hasMessageContaining("maxScrolls");
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static int rgbAtCentre(BufferedImage image, BoundingBox box) {
        return image.getRGB((int) (box.x + box.width / 2), (int) (box.y + box.height / 2)) & 0xFFFFFF;
    }
}
