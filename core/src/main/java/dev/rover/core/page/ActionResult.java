package dev.rover.core.page;

import java.util.List;

/**
 * What happened when an action was performed: success, or a reason a person understands
 * ("element a3 is disabled"). Files downloaded and JS dialogs met during the action are attached, and
 * the box of the element acted on when the action had one (null otherwise).
 */
public record ActionResult(boolean success, String failureReason, List<DownloadedFile> downloads, List<String> dialogs,
                           ElementBox box) {

    public ActionResult {
        failureReason = failureReason == null ? "" : failureReason;
        downloads = downloads == null ? List.of() : List.copyOf(downloads);
        dialogs = dialogs == null ? List.of() : List.copyOf(dialogs);
    }

    /** A result without an element box. */
    public ActionResult(boolean success, String failureReason, List<DownloadedFile> downloads, List<String> dialogs) {
        this(success, failureReason, downloads, dialogs, null);
    }

    /** A success with nothing attached. */
    public static ActionResult ok() {
        return new ActionResult(true, "", List.of(), List.of());
    }

    /** A failure with its reason. */
    public static ActionResult failed(String reason) {
        return new ActionResult(false, reason, List.of(), List.of());
    }

    /** This result with a download attached. */
    public ActionResult withDownload(DownloadedFile file) {
        var all = new java.util.ArrayList<>(downloads);
        all.add(file);
        return new ActionResult(success, failureReason, all, dialogs, box);
    }

    /** This result with a dialog message attached. */
    public ActionResult withDialog(String message) {
        var all = new java.util.ArrayList<>(dialogs);
        all.add(message);
        return new ActionResult(success, failureReason, downloads, all, box);
    }

    /** This result with the box of the element acted on. */
    public ActionResult withBox(ElementBox elementBox) {
        return new ActionResult(success, failureReason, downloads, dialogs, elementBox);
    }
}
