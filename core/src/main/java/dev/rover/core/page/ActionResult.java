package dev.rover.core.page;

import java.util.List;

/**
 * What happened when an action was performed: success, or a reason a person understands
 * ("element a3 is disabled"). Files downloaded and JS dialogs met during the action are attached, and
 * the box of the element acted on when the action had one (null otherwise), and how that element can be found
 * again on a replay ({@code element}, null for page actions and browsers that cannot tell).
 */
public record ActionResult(boolean success, String failureReason, List<DownloadedFile> downloads, List<String> dialogs,
                           ElementBox box, dev.rover.core.script.ElementIdentity element) {

    public ActionResult {
        failureReason = failureReason == null ? "" : failureReason;
        downloads = downloads == null ? List.of() : List.copyOf(downloads);
        dialogs = dialogs == null ? List.of() : List.copyOf(dialogs);
    }

    /** A result without an element box. */
    public ActionResult(boolean success, String failureReason, List<DownloadedFile> downloads, List<String> dialogs) {
        this(success, failureReason, downloads, dialogs, null, null);
    }

    /** A result without the identity of the element acted on. */
    public ActionResult(boolean success, String failureReason, List<DownloadedFile> downloads, List<String> dialogs,
                        ElementBox box) {
        this(success, failureReason, downloads, dialogs, box, null);
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
        return new ActionResult(success, failureReason, all, dialogs, box, element);
    }

    /** This result with a dialog message attached. */
    public ActionResult withDialog(String message) {
        var all = new java.util.ArrayList<>(dialogs);
        all.add(message);
        return new ActionResult(success, failureReason, downloads, all, box, element);
    }

    /** This result with the box of the element acted on. */
    public ActionResult withBox(ElementBox elementBox) {
        return new ActionResult(success, failureReason, downloads, dialogs, elementBox, element);
    }

    /** This result with the identity of the element acted on, for recording a script. */
    public ActionResult withElement(dev.rover.core.script.ElementIdentity identity) {
        return new ActionResult(success, failureReason, downloads, dialogs, box, identity);
    }
}
