package dev.rover.blocks.types;

import dev.rover.blocks.agent.AgentGoal;
import dev.rover.blocks.agent.AgentOutcome;
import dev.rover.core.exec.RunServices;
import dev.rover.core.page.RunBrowser;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockType;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Target;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code action}: exactly one action, without completion verification. With a {@code selector},
 * {@code ai_fallback: fallback} (the default) clicks the selector and asks the engine only if that
 * fails; {@code proactive} always asks the engine.
 */
public final class ActionBlock implements BlockType {

    @Override
    public String type() {
        return "action";
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) {
        RunServices runtime = context.services();
        RunBrowser browser = runtime.browser();
        String navError = BlockSupport.navigateIfUrl(block, runtime);
        if (navError != null) {
            return BlockResult.failed(navError);
        }
        String selector = block.string("selector").filter(s -> !s.isBlank()).orElse(null);
        String mode = block.string("ai_fallback").orElse("fallback");
        String selectorFailure = null;
        if (selector != null && !"proactive".equals(mode)) {
            ActionResult r = browser.perform(new BrowserAction.Click(Target.selector(selector)), runtime.secrets()::resolve);
            if (r.success()) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("status", "completed");
                out.put("selector", selector);
                out.put("url", runtime.secrets().redact(browser.currentUrl()));
                return BlockResult.completed(out);
            }
            selectorFailure = runtime.secrets().redact(r.failureReason());
            if ("false".equals(mode) || "none".equals(mode)) {
                return BlockResult.failed(runtime.secrets().redact("selector " + selector + " failed: " + selectorFailure));
            }
        }
        String goalText = block.string("navigation_goal").filter(s -> !s.isBlank()).orElse(null);
        if (goalText == null) {
            return BlockResult.failed("action block '" + block.label() + "' has no navigation_goal"
                    + (selectorFailure == null ? "" : " to fall back on after selector " + selector + " failed: " + selectorFailure));
        }
        AgentGoal goal = BlockSupport.goal(block, context, runtime, goalText, 1).singleAction(true).verifyCompletion(false).build();
        AgentOutcome outcome = BlockSupport.runAgent(block, context, runtime, goal);
        return BlockSupport.result(outcome, BlockSupport.navigationOutput(outcome));
    }
}
