package dev.rover.browser;

import com.microsoft.playwright.Browser;

import java.util.Map;
import java.util.Optional;

/** Turns {@link BrowserOptions} into Playwright's context options, keeping {@link LiveBrowser} about lifecycle only. */
final class ContextOptionsFactory {

    private ContextOptionsFactory() {
    }

    /**
     * What a context is made with, as a value: two option sets with equal identities make interchangeable fresh
     * contexts, so one made ahead of time for one serves the other ({@link WarmContext}).
     */
    record Identity(int viewportWidth, int viewportHeight, String userAgent, String locale, Map<String, String> extraHttpHeaders) {
        /** Header names only: their values may be credentials. */
        @Override
        public String toString() {
            return "Identity[" + viewportWidth + "x" + viewportHeight + ", userAgent=" + userAgent + ", locale=" + locale
                    + ", headers=" + extraHttpHeaders.keySet() + "]";
        }
    }

    /**
     * The identity of the contexts these options make, or empty when a context made now could differ from one made
     * when a run starts: a storage-state file is read when the context is made, and may change in between.
     */
    static Optional<Identity> identity(BrowserOptions options) {
        if (options.storageState() != null || options.cdpAddress() != null) {
            return Optional.empty();
        }
        return Optional.of(new Identity(options.viewportWidth(), options.viewportHeight(), options.userAgent(), options.locale(),
                options.extraHttpHeaders()));
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
