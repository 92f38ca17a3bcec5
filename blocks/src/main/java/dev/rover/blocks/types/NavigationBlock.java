package dev.rover.blocks.types;

import dev.rover.blocks.agent.AgentGoal;
import dev.rover.blocks.agent.AgentOutcome;
import dev.rover.core.exec.RunServices;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockType;

/** {@code navigation}: the agent works toward {@code navigation_goal}, starting at {@code url} when one is given. */
public final class NavigationBlock implements BlockType {

    @Override
    public String type() {
        return "navigation";
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) {
        String goalText = block.string("navigation_goal").filter(s -> !s.isBlank()).orElse(null);
        if (goalText == null) {
            return BlockResult.failed("navigation block '" + block.label() + "' has no navigation_goal");
        }
        RunServices runtime = context.services();
        String navError = BlockSupport.navigateIfUrl(block, runtime);
        if (navError != null) {
            return BlockResult.failed(navError);
        }
        AgentGoal goal = BlockSupport.goal(block, context, runtime, goalText, AgentGoal.DEFAULT_MAX_STEPS).build();
        AgentOutcome outcome = BlockSupport.runAgent(block, context, runtime, goal);
        return BlockSupport.result(outcome, BlockSupport.navigationOutput(outcome));
    }
}
