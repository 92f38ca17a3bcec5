package dev.rover.blocks.types;

import dev.rover.blocks.agent.AgentGoal;
import dev.rover.blocks.agent.AgentOutcome;
import dev.rover.core.exec.RunServices;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockStatus;
import dev.rover.core.exec.BlockType;

/**
 * {@code task}: navigation and extraction together. The agent first works toward
 * {@code navigation_goal} (when there is one), then {@code data_extraction_goal} is extracted; the
 * output is the extracted data, or the navigation summary when nothing is extracted.
 */
public final class TaskBlock implements BlockType {

    @Override
    public String type() {
        return "task";
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) {
        String navigationGoal = block.string("navigation_goal").filter(s -> !s.isBlank()).orElse(null);
        String extractionGoal = block.string("data_extraction_goal").filter(s -> !s.isBlank()).orElse(null);
        if (navigationGoal == null && extractionGoal == null) {
            return BlockResult.failed("task block '" + block.label() + "' needs a navigation_goal or a data_extraction_goal");
        }
        RunServices runtime = context.services();
        String navError = BlockSupport.navigateIfUrl(block, runtime);
        if (navError != null) {
            return BlockResult.failed(navError);
        }
        if (navigationGoal != null) {
            AgentGoal goal = BlockSupport.goal(block, context, runtime, navigationGoal, AgentGoal.DEFAULT_MAX_STEPS).build();
            AgentOutcome outcome = BlockSupport.runAgent(block, context, runtime, goal);
            if (outcome.status() != BlockStatus.COMPLETED || extractionGoal == null) {
                return BlockSupport.result(outcome, BlockSupport.navigationOutput(outcome));
            }
        }
        return ExtractionBlock.extract(block, context, runtime, extractionGoal);
    }
}
