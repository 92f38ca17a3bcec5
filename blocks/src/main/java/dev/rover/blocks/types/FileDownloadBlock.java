package dev.rover.blocks.types;

import dev.rover.blocks.agent.AgentGoal;
import dev.rover.blocks.agent.AgentOutcome;
import dev.rover.core.exec.RunServices;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockType;

/**
 * {@code file_download}: a navigation that completes when a file is downloaded. The file is saved as
 * {@code download_target} (else {@code download_suffix}) when set; each action waits up to
 * {@code download_timeout} seconds for the download it starts (default: the browser's action timeout).
 */
public final class FileDownloadBlock implements BlockType {

    @Override
    public String type() {
        return "file_download";
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) {
        String goalText = block.string("navigation_goal").filter(s -> !s.isBlank()).orElse(null);
        if (goalText == null) {
            return BlockResult.failed("file_download block '" + block.label() + "' has no navigation_goal");
        }
        RunServices runtime = context.services();
        String navError = BlockSupport.navigateIfUrl(block, runtime);
        if (navError != null) {
            return BlockResult.failed(navError);
        }
        double timeoutSeconds = BlockFields.number(block, "download_timeout", 0);
        if (block.fields().get("download_timeout") != null && timeoutSeconds <= 0) {
            return BlockResult.failed("file_download block '" + block.label() + "': download_timeout must be a positive "
                    + "number of seconds, found " + block.fields().get("download_timeout"));
        }
        String target = block.string("download_target").map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        if (target != null && (target.contains("/") || target.contains("\\") || target.equals(".."))) {
            return BlockResult.failed("file_download block '" + block.label() + "': download_target '" + target
                    + "' must be a file name; downloads stay in the run's download folder");
        }
        AgentGoal.Builder builder = BlockSupport.goal(block, context, runtime, goalText, AgentGoal.DEFAULT_MAX_STEPS)
                .completeOnDownload(true);
        if (target != null) {
            builder.downloadSuffix(target);
        }
        if (timeoutSeconds > 0) {
            builder.downloadTimeout(java.time.Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
        }
        AgentGoal goal = builder.build();
        AgentOutcome outcome = BlockSupport.runAgent(block, context, runtime, goal);
        return BlockSupport.result(outcome, BlockSupport.navigationOutput(outcome));
    }
}
