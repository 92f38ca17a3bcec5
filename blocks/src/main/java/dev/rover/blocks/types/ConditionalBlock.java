package dev.rover.blocks.types;

import dev.rover.blocks.agent.PageRedaction;
import dev.rover.core.exec.RunServices;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockType;
import dev.rover.core.engine.Engine;
import dev.rover.core.engine.Verification;
import dev.rover.core.engine.VerifyRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code conditional}: picks the next block of a version 2 workflow. Branches are tried in order:
 * a {@code jinja2_template} criterion is true when its rendered expression is truthy; a
 * {@code prompt} criterion asks the engine to verify it against the current page. The first true
 * branch wins, else the {@code is_default} one, else the block's own {@code next_block_label}.
 */
public final class ConditionalBlock implements BlockType {

    private static final Set<String> FALSY = Set.of("", "false", "0", "no", "none", "null", "off");

    @Override
    public String type() {
        return "conditional";
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) {
        String defaultTarget = null;
        boolean hasDefault = false;
        for (Object o : block.list("branch_conditions")) {
            if (!(o instanceof Map<?, ?> branch)) {
                continue;
            }
            Object target = branch.get("next_block_label");
            if (Boolean.TRUE.equals(branch.get("is_default"))) {
                hasDefault = true;
                defaultTarget = target == null ? null : String.valueOf(target);
                continue;
            }
            if (branch.get("criteria") instanceof Map<?, ?> criteria && holds(block, criteria, context)) {
                return chosen(target == null ? null : String.valueOf(target), String.valueOf(criteria.get("expression")));
            }
        }
        if (hasDefault) {
            return chosen(defaultTarget, "default branch");
        }
        return chosen(block.nextBlockLabel(), "no branch matched");
    }

    private static BlockResult chosen(String target, String why) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("next_block_label", target);
        out.put("matched", why);
        BlockResult r = BlockResult.completed(out);
        return r.withNextBlockLabel(target == null ? BlockResult.END_OF_WORKFLOW : target);
    }

    /**
     * Whether criteria hold: a {@code jinja2_template} expression (already rendered) is truthy, a
     * {@code prompt} is verified on the current page. Shared with while_loop's condition.
     */
    static boolean holds(BlockDefinition block, Map<?, ?> criteria, BlockContext context) {
        String type = String.valueOf(criteria.get("criteria_type")).toLowerCase(Locale.ROOT);
        String expression = criteria.get("expression") == null ? "" : String.valueOf(criteria.get("expression")).trim();
        if ("prompt".equals(type)) {
            RunServices runtime = context.services();
            Engine engine = BlockSupport.engine(block, context);
            Verification v = engine.verify(new VerifyRequest(expression, expression,
                    PageRedaction.redact(runtime.browser().observe(engine.readsEveryElement()), runtime.secrets()), List.of(), List.of()));
            return v.status() == Verification.Status.ACHIEVED;
        }
        return !FALSY.contains(expression.toLowerCase(Locale.ROOT));
    }
}
