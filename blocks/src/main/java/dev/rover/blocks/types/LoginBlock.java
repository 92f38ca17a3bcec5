package dev.rover.blocks.types;

import dev.rover.blocks.agent.AgentGoal;
import dev.rover.blocks.agent.AgentOutcome;
import dev.rover.core.exec.RunServices;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockType;

import java.util.Map;

/**
 * {@code login}: a navigation whose goal defaults to logging in with the credential given through
 * {@code parameter_keys}. Fails before touching the browser when no credential is given.
 */
public final class LoginBlock implements BlockType {

    /** The goal used when a login block has none. */
    public static final String DEFAULT_GOAL = "Log in with the provided credentials. COMPLETE when logged in. "
            + "TERMINATE if the credentials are invalid or the account is blocked.";

    @Override
    public String type() {
        return "login";
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) {
        Map<String, Object> details = BlockSupport.userDetails(block, context);
        boolean hasCredential = details.values().stream().anyMatch(v -> v instanceof Map<?, ?> m && m.containsKey("password"));
        if (!hasCredential) {
            return BlockResult.failed("login block '" + block.label() + "' has no credential: list a credential parameter in "
                    + "parameter_keys (got " + block.list("parameter_keys") + ")");
        }
        RunServices runtime = context.services();
        String navError = BlockSupport.navigateIfUrl(block, runtime);
        if (navError != null) {
            return BlockResult.failed(navError);
        }
        String goalText = block.string("navigation_goal").filter(s -> !s.isBlank()).orElse(DEFAULT_GOAL);
        AgentGoal goal = BlockSupport.goal(block, context, runtime, goalText, AgentGoal.DEFAULT_MAX_STEPS).build();
        AgentOutcome outcome = BlockSupport.runAgent(block, context, runtime, goal);
        return BlockSupport.result(outcome, BlockSupport.navigationOutput(outcome));
    }
}
