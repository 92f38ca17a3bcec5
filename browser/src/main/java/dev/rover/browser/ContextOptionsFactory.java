package dev.rover.browser;

import com.microsoft.playwright.Browser;

/** Turns {@link BrowserOptions} into Playwright's context options, keeping {@link LiveBrowser} about lifecycle only. */
final class ContextOptionsFactory {

    private ContextOptionsFactory() {
    }

    static Browser.NewContextOptions from(BrowserOptions options) {
        Browser.NewContextOptions context = new Browser.NewContextOptions()
                .setAcceptDownloads(true)
                .setViewportSize(options.viewportWidth(), options.viewportHeight());
        if (options.userAgent() != null) {
            context.setUserAgent(options.userAgent());
        }
        if (options.locale() != null) {
            context.setLocale(options.locale());
        }
        if (!options.extraHttpHeaders().isEmpty()) {
            context.setExtraHTTPHeaders(options.extraHttpHeaders());
        }
        if (options.storageState() != null) {
            if (!java.nio.file.Files.isRegularFile(options.storageState())) {
                throw new IllegalArgumentException("storage state file " + options.storageState() + " does not exist");
            }
            context.setStorageStatePath(options.storageState());
        }
        return context;
    }
}
