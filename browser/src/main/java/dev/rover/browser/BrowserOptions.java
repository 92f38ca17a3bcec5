package dev.rover.browser;

import dev.rover.core.page.TraceMode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start (or attach to) a browser for a run: headless or not, which executable, the
 * context's identity (user agent, headers, viewport, locale), where downloads go, whether to
 * record a trace, and the profile to start from. Built with {@link #builder()}.
 *
 * @param headless         no window (the default)
 * @param executable       the browser binary; empty means {@link ChromiumLocator} decides
 * @param userAgent        user agent override, or null
 * @param extraHttpHeaders headers sent with every request
 * @param viewportWidth    viewport width in CSS pixels
 * @param viewportHeight   viewport height in CSS pixels
 * @param locale           locale such as {@code en-US}, or null
 * @param downloadsFolder  where downloaded files are saved
 * @param trace            when to record and keep a Playwright trace (kept only for runs that do not complete by default)
 * @param cdpAddress       attach to a running browser over CDP ({@code browser_address}) instead of launching, or null
 * @param storageState     a Playwright storage-state file (cookies, localStorage) to start from, or null
 * @param actionTimeout    how long one action may wait for its element
 * @param proxyServer      a proxy every request goes through ({@code http://host:port}, {@code socks5://...}), or null
 * @param allowFileUrls    whether runs may open {@code file:} URLs (off: only http and https are opened)
 * @param launchArgs       extra Chromium command-line switches added to {@link #QUIET_FLAGS} when Rover launches the
 *                         browser (for example {@code --host-resolver-rules=...}); ignored when attaching over CDP
 */
public record BrowserOptions(
        boolean headless,
        Path executable,
        String userAgent,
        Map<String, String> extraHttpHeaders,
        int viewportWidth,
        int viewportHeight,
        String locale,
        Path downloadsFolder,
        TraceMode trace,
        String cdpAddress,
        Path storageState,
        Duration actionTimeout,
        String proxyServer,
        boolean allowFileUrls,
        List<String> launchArgs) {

    /** Flags that keep Chromium quiet and stable on a closed network and in containers. */
    public static final List<String> QUIET_FLAGS = List.of(
            "--no-sandbox",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
            "--disable-gpu",
            "--disable-dev-shm-usage");

    public BrowserOptions {
        extraHttpHeaders = extraHttpHeaders == null ? Map.of() : Map.copyOf(extraHttpHeaders);
        launchArgs = launchArgs == null ? List.of() : List.copyOf(launchArgs);
        for (String arg : launchArgs) {
            if (arg.isBlank() || !arg.startsWith("--")) {
                throw new IllegalArgumentException("a Chromium launch argument must be a switch starting with --, not '" + arg + "'");
            }
        }
        Objects.requireNonNull(downloadsFolder, "downloadsFolder");
        Objects.requireNonNull(actionTimeout, "actionTimeout");
        trace = trace == null ? TraceMode.ON_FAILURE : trace;
        if (viewportWidth <= 0 || viewportHeight <= 0) {
            throw new IllegalArgumentException("viewport must be positive, not " + viewportWidth + "x" + viewportHeight);
        }
        if (actionTimeout.isNegative() || actionTimeout.isZero()) {
            throw new IllegalArgumentException("action timeout must be positive, not " + actionTimeout);
        }
    }

    /** Default options: headless, traces kept for runs that do not complete, 1280x720, 5 s action timeout, downloads in the temp folder. */
    public static BrowserOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.headless = headless;
        b.executable = executable;
        b.userAgent = userAgent;
        b.extraHttpHeaders = new LinkedHashMap<>(extraHttpHeaders);
        b.viewportWidth = viewportWidth;
        b.viewportHeight = viewportHeight;
        b.locale = locale;
        b.downloadsFolder = downloadsFolder;
        b.trace = trace;
        b.cdpAddress = cdpAddress;
        b.storageState = storageState;
        b.actionTimeout = actionTimeout;
        b.proxyServer = proxyServer;
        b.allowFileUrls = allowFileUrls;
        b.launchArgs = new java.util.ArrayList<>(launchArgs);
        return b;
    }

    /** Whether a trace is recorded (it may still be dropped at the end, see {@link TraceMode#keeps}). */
    public boolean tracing() {
        return trace.records();
    }

    /** The executable to launch, if one was set explicitly. */
    public Optional<Path> executablePath() {
        return Optional.ofNullable(executable);
    }

    @Override
    public String toString() {
        // Header values may carry tokens: name the headers, never their values.
        return "BrowserOptions[headless=" + headless + ", executable=" + executable + ", userAgent=" + userAgent
                + ", extraHttpHeaders=" + extraHttpHeaders.keySet() + ", viewport=" + viewportWidth + "x" + viewportHeight
                + ", locale=" + locale + ", downloadsFolder=" + downloadsFolder + ", trace=" + trace.text()
                + ", cdpAddress=" + cdpAddress + ", storageState=" + storageState + ", actionTimeout=" + actionTimeout
                + ", proxy=" + (proxyServer != null) + ", allowFileUrls=" + allowFileUrls
                + ", launchArgs=" + launchArgs.stream().map(a -> a.contains("=") ? a.substring(0, a.indexOf('=')) + "=..." : a).toList() + "]";
    }

    /** Collects options; every setting has a sensible default. */
    public static final class Builder {
        private boolean headless = true;
        private Path executable;
        private String userAgent;
        private Map<String, String> extraHttpHeaders = new LinkedHashMap<>();
        private int viewportWidth = 1280;
        private int viewportHeight = 720;
        private String locale;
        private Path downloadsFolder = Path.of(System.getProperty("java.io.tmpdir"), "rover-downloads");
        private TraceMode trace = TraceMode.ON_FAILURE;
        private boolean allowFileUrls;
        private String cdpAddress;
        private Path storageState;
        private Duration actionTimeout = Duration.ofSeconds(5);
        private String proxyServer;
        private List<String> launchArgs = new java.util.ArrayList<>();

        private Builder() {
        }

        /** Sends every request through this proxy ({@code http://host:port}); null for none. */
        public Builder proxyServer(String value) { this.proxyServer = value; return this; }

        public Builder headless(boolean value) { this.headless = value; return this; }

        /** Shows a browser window. */
        public Builder headful() { this.headless = false; return this; }

        public Builder executable(Path value) { this.executable = value; return this; }

        public Builder userAgent(String value) { this.userAgent = value; return this; }

        public Builder extraHttpHeaders(Map<String, String> value) { this.extraHttpHeaders = new LinkedHashMap<>(value); return this; }

        public Builder extraHttpHeader(String name, String value) { this.extraHttpHeaders.put(name, value); return this; }

        public Builder viewport(int width, int height) { this.viewportWidth = width; this.viewportHeight = height; return this; }

        public Builder locale(String value) { this.locale = value; return this; }

        public Builder downloadsFolder(Path value) { this.downloadsFolder = value; return this; }

        /** Records and keeps every run's trace ({@code true}) or none ({@code false}); see {@link #trace(TraceMode)}. */
        public Builder tracing(boolean value) { this.trace = value ? TraceMode.ALWAYS : TraceMode.OFF; return this; }

        /** When to record and keep a trace. */
        public Builder trace(TraceMode value) { this.trace = Objects.requireNonNull(value, "trace"); return this; }

        /** Lets runs open {@code file:} URLs; only for trusted workflows and tasks (a model could read local files). */
        public Builder allowFileUrls(boolean value) { this.allowFileUrls = value; return this; }

        public Builder cdpAddress(String value) { this.cdpAddress = value; return this; }

        public Builder storageState(Path value) { this.storageState = value; return this; }

        public Builder actionTimeout(Duration value) { this.actionTimeout = value; return this; }

        /**
         * Adds Chromium command-line switches for every launched browser, such as
         * {@code --host-resolver-rules=MAP example.com 127.0.0.1:8443} to serve a site from a stand-in or
         * {@code --ignore-certificate-errors-spki-list=HASH} to trust one self-signed certificate. Each must start
         * with {@code --}. Not applied when attaching to a running browser ({@link #cdpAddress}).
         */
        public Builder launchArgs(List<String> value) { this.launchArgs.addAll(value); return this; }

        public BrowserOptions build() {
            return new BrowserOptions(headless, executable, userAgent, extraHttpHeaders, viewportWidth, viewportHeight,
                    locale, downloadsFolder, trace, cdpAddress, storageState, actionTimeout, proxyServer, allowFileUrls, launchArgs);
        }
    }
}
