package dev.rover.browser.action;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import dev.rover.core.page.DownloadedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notices downloads that an action starts, without always waiting for one: it listens while the
 * action runs and, only when the action started a navigation, waits until that navigation either
 * completes or turns into a download. Downloads are saved in the downloads folder with their size and SHA-256.
 * One capture stays attached to each tab for the tab's life ({@link #begin}): subscribing to request
 * events and unsubscribing again costs six round trips to the driver, which every action used to pay.
 */
final class DownloadCapture implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DownloadCapture.class);
    private static final Map<Page, DownloadCapture> ATTACHED = new ConcurrentHashMap<>();

    private final Page page;
    private final List<Download> started = new ArrayList<>();
    private final List<Request> pending = new ArrayList<>();
    private boolean active;
    private boolean aborted;
    private boolean navigated;

    private DownloadCapture(Page page) {
        this.page = page;
        page.onDownload(d -> {
            if (active) {
                started.add(d);
            }
        });
        page.onRequest(this::requestStarted);
        page.onRequestFinished(pending::remove);
        page.onRequestFailed(this::requestFailed);
        page.onClose(p -> ATTACHED.remove(p));
    }

    /** Starts listening for the next action on this tab; call on the browser's owning thread and close after the action. */
    static DownloadCapture begin(Page page) {
        DownloadCapture capture = ATTACHED.computeIfAbsent(page, DownloadCapture::new);
        capture.started.clear();
        capture.pending.clear();
        capture.aborted = false;
        capture.navigated = false;
        capture.active = true;
        return capture;
    }

    /**
     * Waits (at most {@code timeoutMillis}) for a navigation the action started to settle, then
     * saves every download it produced into {@code folder}, named {@code nameOverride} when given.
     */
    List<DownloadedFile> settleAndSave(double timeoutMillis, Path folder, String nameOverride) {
        if (!pending.isEmpty() || aborted) {
            try {
                page.waitForCondition(() -> !started.isEmpty() || (pending.isEmpty() && !aborted),
                        new Page.WaitForConditionOptions().setTimeout(timeoutMillis));
            } catch (PlaywrightException e) {
                log.debug("navigation after the action did not settle within {} ms: {}", timeoutMillis, FailureReasons.firstLine(e));
            }
        }
        List<DownloadedFile> saved = new ArrayList<>();
        for (int i = 0; i < started.size(); i++) {
            Download download = started.get(i);
            String name = nameOverride == null || nameOverride.isBlank() ? suggestedName(download) : nameOverride;
            if (started.size() > 1 && nameOverride != null && !nameOverride.isBlank()) {
                name = i == 0 ? name : i + "-" + name;
            }
            saved.add(save(download, folder, name));
        }
        return saved;
    }

    private DownloadedFile save(Download download, Path folder, String name) {
        String safe = DownloadNames.safe(name);
        try {
            Files.createDirectories(folder);
            Path target = unique(folder, safe);
            download.saveAs(target);
            String failure = download.failure();
            if (failure != null) {
                throw new ActionFailure("download of " + safe + " from " + download.url() + " failed: " + failure);
            }
            long size = Files.size(target);
            log.debug("saved download {} ({} bytes)", target, size);
            return new DownloadedFile(target.getFileName().toString(), target, size, sha256(target), download.url());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save download " + safe + " in " + folder, e);
        } catch (PlaywrightException e) {
            throw new ActionFailure("download of " + safe + " from " + download.url() + " failed: " + FailureReasons.firstLine(e));
        }
    }

    private static String suggestedName(Download download) {
        try {
            return download.suggestedFilename();
        } catch (PlaywrightException e) {
            log.debug("download from {} has no suggested name: {}", download.url(), FailureReasons.firstLine(e));
            return null;
        }
    }

    private static Path unique(Path folder, String name) {
        Path target = folder.resolve(name);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; Files.exists(target); n++) {
            target = folder.resolve(stem + " (" + n + ")" + extension);
        }
        return target;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** Whether the action started a navigation of the tab or one of its frames (which may have removed its element). */
    boolean navigated() {
        return navigated;
    }

    private void requestStarted(Request request) {
        if (active && request.isNavigationRequest()) {
            navigated = true;
            pending.add(request);
        }
    }

    private void requestFailed(Request request) {
        if (pending.remove(request) && String.valueOf(request.failure()).contains("ERR_ABORTED")) {
            // A navigation aborted by the browser is usually one that became a download.
            aborted = true;
        }
    }

    /** Stops listening until the next action; the listeners stay attached to the tab. */
    @Override
    public void close() {
        active = false;
        started.clear();
        pending.clear();
    }
}
