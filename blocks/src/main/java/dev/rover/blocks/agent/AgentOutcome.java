package dev.rover.blocks.agent;

import dev.rover.core.exec.BlockStatus;
import dev.rover.core.page.DownloadedFile;
import dev.rover.core.engine.Usage;

import java.util.List;

/**
 * How an agent loop ended: the status, a reason a person understands, the error codes matched
 * when terminating, the steps it took and what they cost, the files downloaded on the way, and the actions that
 * went through, in order (what a recorded script replays).
 */
public record AgentOutcome(BlockStatus status, String reason, List<String> errorCodes, int steps, Usage usage,
                           List<DownloadedFile> downloads, String finalUrl, List<dev.rover.core.engine.ActionRecord> performed) {
    public AgentOutcome {
        performed = performed == null ? List.of() : List.copyOf(performed);
        errorCodes = errorCodes == null ? List.of() : List.copyOf(errorCodes);
        downloads = downloads == null ? List.of() : List.copyOf(downloads);
        usage = usage == null ? Usage.ZERO : usage;
    }

    /** This outcome with other actions as the ones that went through (every attempt's, in order). */
    public AgentOutcome withPerformed(List<dev.rover.core.engine.ActionRecord> actions) {
        return new AgentOutcome(status, reason, errorCodes, steps, usage, downloads, finalUrl, actions);
    }
}
