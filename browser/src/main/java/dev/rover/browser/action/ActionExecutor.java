package dev.rover.browser.action;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import dev.rover.browser.BrowserPage;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.UrlPolicy;
import dev.rover.core.page.DownloadedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Performs any {@link BrowserAction} on a {@link BrowserPage} and reports an {@link ActionResult}:
 * page problems (missing, hidden, disabled or covered elements, unknown options, failed
 * navigation) become failures with a readable reason instead of exceptions. JS dialogs met during
 * the action are accepted and recorded, downloads a click starts are saved, and secret placeholders
 * in typed text are resolved only here, never logged; a {@link SecretGuard} decides beforehand
 * whether a secret may be typed into that frame or submitted to that form's origin. Call it on the browser's owning thread
 * (inside {@code LiveBrowser.call}).
 */
public final class ActionExecutor {

    private static final Logger log = LoggerFactory.getLogger(ActionExecutor.class);

    private final Function<String, String> secrets;
    private final SecretGuard guard;
    private final Duration timeout;
    private final Duration downloadWait;
    private final Duration navigationTimeout;
    private final Duration maxWait;
    private final Path downloadsFolder;
    private final boolean allowFileUrls;

    private ActionExecutor(Builder builder) {
        this.secrets = builder.secrets;
        this.guard = builder.guard;
        this.timeout = builder.timeout;
        this.downloadWait = builder.downloadWait;
        this.navigationTimeout = builder.navigationTimeout;
        this.maxWait = builder.maxWait;
        this.downloadsFolder = builder.downloadsFolder;
        this.allowFileUrls = builder.allowFileUrls;
    }

    /** An executor with the defaults: no secrets, the browser's action timeout, waits capped at 30 s. */
    public static ActionExecutor withDefaults() {
        return builder().build();
    }

    /** A builder for an executor. */
    public static Builder builder() {
        return new Builder();
    }

    /** Performs {@code action}; downloads keep the server's suggested file name. */
    public ActionResult execute(BrowserPage browser, BrowserAction action) {
        return execute(browser, action, null);
    }

    /** Performs {@code action}, saving any download it starts as {@code downloadName} when that is not blank. */
    public ActionResult execute(BrowserPage browser, BrowserAction action, String downloadName) {
        Objects.requireNonNull(action, "action");
        browser.confined();
        Page page = browser.page();
        if (page == null) {
            return ActionResult.failed("the browser has no open tab");
        }
        List<String> earlier = browser.drainDialogs();
        if (!earlier.isEmpty()) {
            log.debug("{} JS dialog(s) were accepted before this action", earlier.size());
        }
        double timeoutMillis = (timeout != null ? timeout : browser.options().actionTimeout()).toMillis();
        if (downloadWait != null) {
            // a click that starts a slow download waits for the response that becomes it, so the action may wait as long
            timeoutMillis = Math.max(timeoutMillis, downloadWait.toMillis());
        }
        Path folder = downloadsFolder != null ? downloadsFolder : browser.options().downloadsFolder();
        log.debug("performing {}{}", action.actionType(),
                action instanceof BrowserAction.ElementAction e ? " on " + e.target() : "");
        ActionResult result;
        try (DownloadCapture downloads = DownloadCapture.begin(page)) {
            try {
                // a traced action is exactly Playwright's, so that the trace shows it
                FoundElement element = perform(browser, page, action, timeoutMillis, !browser.traces().isRecording());
                // the box was read as the element was found; a page that navigated away no longer shows it
                result = ActionResult.ok().withBox(element == null || downloads.navigated() ? null : element.box())
                        .withElement(ElementIdentities.of(element));
            } catch (ActionFailure failure) {
                result = ActionResult.failed(failure.getMessage());
            }
            try {
                for (DownloadedFile file : downloads.settleAndSave(timeoutMillis, folder, downloadName)) {
                    result = result.withDownload(file);
                }
            } catch (ActionFailure failure) {
                result = new ActionResult(false, failure.getMessage(), result.downloads(), result.dialogs());
            }
        } catch (PlaywrightException e) {
            result = ActionResult.failed(action.actionType() + " failed: " + FailureReasons.firstLine(e));
        }
        for (String dialog : browser.drainDialogs()) {
            result = result.withDialog(dialog);
        }
        if (!result.success()) {
            log.debug("{} failed: {}", action.actionType(), result.failureReason());
        }
        return result;
    }

    /**
     * Performs the action; returns the element it acted on, or null for an action without one.
     *
     * @param direct whether actions may skip Playwright's waits where the facts read with the element settle them
     */
    private FoundElement perform(BrowserPage browser, Page page, BrowserAction action, double timeoutMillis,
                                 boolean direct) {
        FoundElement element = null;
        ElementActions elements = new ElementActions(timeoutMillis, secrets, direct);
        PageActions pages = new PageActions(timeoutMillis, Math.max(timeoutMillis, navigationTimeout.toMillis()),
                maxWait.toMillis());
        SecretChecks checks = new SecretChecks(guard);
        if (action instanceof BrowserAction.Click a) {
            element = ElementFinder.find(page, a.target(), true, checks.checksClicks());
            checks.beforeClick(element);
            elements.click(element);
        } else if (action instanceof BrowserAction.InputText a) {
            element = ElementFinder.find(page, a.target(), true);
            checks.beforeTyping(page, element, a.text());
            elements.input(element, a.text(), checks.typesSecret(a.text()));
        } else if (action instanceof BrowserAction.SelectOption a) {
            element = ElementFinder.find(page, a.target(), true);
            new OptionChooser(timeoutMillis, direct).choose(element, a.label(), a.value(), a.index());
        } else if (action instanceof BrowserAction.Checkbox a) {
            element = ElementFinder.find(page, a.target(), true);
            elements.checkbox(element, a.checked());
        } else if (action instanceof BrowserAction.UploadFile a) {
            element = ElementFinder.find(page, a.target(), true);
            elements.upload(page, element, a.file());
        } else if (action instanceof BrowserAction.Hover a) {
            element = ElementFinder.find(page, a.target(), true);
            elements.hover(element);
        } else if (action instanceof BrowserAction.Keypress a) {
            element = a.target() == null ? null : ElementFinder.find(page, a.target());
            checks.beforeKeys(page, element, a.keys());
            pages.press(page, element, a.keys());
        } else if (action instanceof BrowserAction.Scroll a) {
            element = a.target() == null ? null : ElementFinder.find(page, a.target());
            pages.scroll(page, element, a.direction(), a.pixels());
        } else if (action instanceof BrowserAction.Wait a) {
            pages.waitFor(page, a.seconds());
        } else if (action instanceof BrowserAction.GotoUrl a) {
            checkUrl(a.url());
            pages.gotoUrl(page, a.url());
        } else if (action instanceof BrowserAction.GoBack) {
            pages.goBack(page);
        } else if (action instanceof BrowserAction.NewTab a) {
            if (a.url() != null && !a.url().isBlank()) {
                checkUrl(a.url());
            }
            pages.newTab(browser, a.url());
        } else if (action instanceof BrowserAction.SwitchTab a) {
            pages.switchTab(browser, a.index());
        } else if (action instanceof BrowserAction.PointerAction a) {
            new PointerActions(elements, checks).perform(page, a);
        } else if (action instanceof BrowserAction.TypeText a) {
            new PointerActions(elements, checks).type(page, a.text());
        } else if (action instanceof BrowserAction.Screenshot) {
            // nothing to do: the next observation shows the screen
        } else if (action instanceof BrowserAction.SolveCaptcha) {
            throw new ActionFailure("captcha solving is not supported");
        } else {
            throw new ActionFailure("action type " + action.actionType() + " is not supported by this browser");
        }
        return element;
    }

    /** Only http and https are opened, and file: when allowed; anything else fails the action. */
    private void checkUrl(String url) {
        if (url == null || url.isBlank()) {
            return; // PageActions names the missing URL
        }
        UrlPolicy.check(url, allowFileUrls).ifPresent(reason -> {
            throw new ActionFailure("not opened: " + reason);
        });
    }

    /** Settings of an {@link ActionExecutor}; all optional. */
    public static final class Builder {
        private Function<String, String> secrets = Function.identity();
        private SecretGuard guard = SecretGuard.NONE;
        private Duration timeout;
        private Duration downloadWait;
        private Duration navigationTimeout = Duration.ofSeconds(30);
        private Duration maxWait = Duration.ofSeconds(30);
        private Path downloadsFolder;
        private boolean allowFileUrls;

        private Builder() {
        }

        /** Replaces secret placeholders in typed text with real values, at execution time only. */
        public Builder secrets(Function<String, String> resolver) {
            this.secrets = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * Refuses typing a secret into a frame of another origin and submitting a secret to another
         * origin; none by default.
         */
        public Builder secretGuard(SecretGuard value) {
            this.guard = Objects.requireNonNull(value, "secretGuard");
            return this;
        }

        /** How long an element action may wait for its element; defaults to the browser's action timeout. */
        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        /**
         * How long an action may wait for a download it starts (a {@code file_download} block's
         * {@code download_timeout}): the action's own timeout is raised to it when shorter; null keeps the action timeout.
         */
        public Builder downloadWait(Duration value) {
            if (value != null && (value.isNegative() || value.isZero())) {
                throw new IllegalArgumentException("download wait must be positive, not " + value);
            }
            this.downloadWait = value;
            return this;
        }

        /** How long goto_url and go_back may take (30 s by default). */
        public Builder navigationTimeout(Duration value) {
            this.navigationTimeout = Objects.requireNonNull(value, "navigationTimeout");
            return this;
        }

        /** The longest a wait action waits (30 s by default). */
        public Builder maxWait(Duration value) {
            this.maxWait = Objects.requireNonNull(value, "maxWait");
            return this;
        }

        /** Where downloads are saved; defaults to the browser's downloads folder. */
        public Builder downloadsFolder(Path value) {
            this.downloadsFolder = value;
            return this;
        }

        /** Whether {@code file:} URLs may be opened (off by default: only http and https are). */
        public Builder allowFileUrls(boolean value) {
            this.allowFileUrls = value;
            return this;
        }

        public ActionExecutor build() {
            return new ActionExecutor(this);
        }
    }
}
