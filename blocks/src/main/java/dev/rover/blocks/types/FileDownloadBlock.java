package dev.rover.blocks.types;

import dev.rover.blocks.agent.AgentGoal;
import dev.rover.blocks.agent.AgentOutcome;
import dev.rover.core.exec.RunServices;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockType;

/** {@code file_download}: a navigation that completes when a file is downloaded (saved as {@code download_suffix} when set). */
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
        AgentGoal goal = BlockSupport.goal(block, context, runtime, goalText, AgentGoal.DEFAULT_MAX_STEPS)
                .completeOnDownload(true).build();
        AgentOutcome outcome = BlockSupport.runAgent(block, context, runtime, goal);
        return BlockSupport.result(outcome, BlockSupport.navigationOutput(outcome));
    }
}
