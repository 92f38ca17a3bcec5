package dev.rover.blocks.agent;

import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;

/**
 * Performs an engine's {@code wait} action in short slices, checking between them whether the run was
 * canceled or ran out of time. A single browser wait of up to 30 seconds cannot be interrupted, so a
 * Ctrl-C during it used to leave the run unrecorded when the command line had to exit.
 */
public final class CancellableWait {

    /** The longest piece of a wait performed without checking for a cancel. */
    static final double SLICE_SECONDS = 0.5;
    /** The longest wait performed, as the browser's own limit for one wait action. */
    static final double MAX_SECONDS = 30;

    private CancellableWait() {
    }

    /** The wait's result: its downloads and dialogs gathered, or the first slice that failed. */
    public static ActionResult perform(AgentServices services, BrowserAction.Wait wait, String downloadName) {
        double left = Math.min(wait.seconds(), MAX_SECONDS);
        if (Double.isNaN(left) || left <= SLICE_SECONDS) {
            return services.browser().perform(wait, services.secrets()::resolve, downloadName);
        }
        ActionResult gathered = ActionResult.ok();
        while (left > 0 && !stopRequested(services)) {
            double slice = Math.min(left, SLICE_SECONDS);
            ActionResult result = services.browser().perform(new BrowserAction.Wait(slice), services.secrets()::resolve,
                    downloadName);
            for (var file : result.downloads()) {
                gathered = gathered.withDownload(file);
            }
            for (String dialog : result.dialogs()) {
                gathered = gathered.withDialog(dialog);
            }
            if (!result.success()) {
                return new ActionResult(false, result.failureReason(), gathered.downloads(), gathered.dialogs());
            }
            left -= slice;
        }
        return gathered; // a cancel or time-out is reported by the loop's own check after the action
    }

    private static boolean stopRequested(AgentServices services) {
        return services.cancellation().isCanceled()
                || (services.deadline() != null && !services.clock().instant().isBefore(services.deadline()));
    }
}
