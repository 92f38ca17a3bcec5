package dev.rover.browser.observe;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import dev.rover.browser.BrowserOptions;
import dev.rover.browser.ChromiumLocator;

import java.util.Map;

/**
 * Launches the system Chromium headless, found and flagged exactly as Rover itself does
 * ({@link ChromiumLocator}, {@link BrowserOptions#QUIET_FLAGS}), for test classes that drive
 * Playwright directly and share one browser.
 */
public final class ChromiumFixture {

    private ChromiumFixture() {
    }

    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser launch(Playwright playwright) {
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(BrowserOptions.QUIET_FLAGS);
        new ChromiumLocator().locate().ifPresent(options::setExecutablePath);
        return playwright.chromium().launch(options);
    }
}
