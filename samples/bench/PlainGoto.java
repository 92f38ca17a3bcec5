import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The baseline of bench/startup.sh: what a plain Playwright for Java program needs to open one page
 * in the same Chromium Rover uses (args: the executable, the URL), with nothing else.
 */
public final class PlainGoto {

    private PlainGoto() {
    }

    public static void main(String[] args) {
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Path.of(args[0])).setArgs(List.of("--no-sandbox", "--disable-gpu")))) {
            Page page = browser.newPage();
            page.navigate(args[1]);
            System.out.println(page.title());
        }
    }
}
