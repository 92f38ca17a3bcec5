package dev.rover.blocks.types;

import dev.rover.blocks.agent.PageRedaction;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.engine.Engine;
import dev.rover.core.engine.Verification;
import dev.rover.core.engine.VerifyRequest;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockType;
import dev.rover.core.exec.RunServices;
import dev.rover.core.page.PageSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code validation}: judges the current page without acting. A met {@code terminate_criterion}
 * terminates the block (with the {@code error_code_mapping} codes whose descriptions hold on the page);
 * a met {@code complete_criterion} completes it; an unmet complete criterion fails it.
 */
public final class ValidationBlock implements BlockType {

    @Override
    public String type() {
        return "validation";
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) {
        String complete = text(block, "complete_criterion");
        String terminate = text(block, "terminate_criterion");
        if (complete == null && terminate == null) {
            return BlockResult.failed("validation block '" + block.label()
                    + "' needs complete_criterion or terminate_criterion to judge the page against");
        }
        RunServices runtime = context.services();
        Engine engine = BlockSupport.engine(block, context);
        PageSnapshot page = PageRedaction.redact(runtime.browser().observe(engine.readsEveryElement()), runtime.secrets());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("url", runtime.secrets().redact(runtime.browser().currentUrl()));
        if (terminate != null) {
            Verification v = verify(engine, terminate, page);
            if (v.status() == Verification.Status.ACHIEVED) {
                List<String> codes = matchingCodes(block, context, engine, page);
                String reason = runtime.secrets().redact("terminate criterion met: " + terminate
                        + (v.reason().isBlank() ? "" : " (" + v.reason() + ")"));
                out.put("status", "terminated");
                out.put("reason", reason);
                out.put("error_codes", codes);
                return BlockResult.terminated(reason, codes).withOutput(out);
            }
        }
        if (complete == null) {
            out.put("status", "completed");
            out.put("reason", "terminate criterion not met");
            return BlockResult.completed(out);
        }
        Verification v = verify(engine, complete, page);
        String reason = runtime.secrets().redact(v.reason());
        out.put("reason", reason);
        if (v.status() == Verification.Status.ACHIEVED) {
            out.put("status", "completed");
            return BlockResult.completed(out);
        }
        out.put("status", "failed");
        return BlockResult.failed("validation block '" + block.label() + "': complete criterion not met: "
                + runtime.secrets().redact(complete) + (reason.isBlank() ? "" : " (" + reason + ")")).withOutput(out);
    }

    private static Verification verify(Engine engine, String criterion, PageSnapshot page) {
        return engine.verify(new VerifyRequest(criterion, criterion, page, List.of(), List.of()));
    }

    /** The mapped error codes whose descriptions hold on the page (the workflow's and the block's mapping). */
    private static List<String> matchingCodes(BlockDefinition block, BlockContext context, Engine engine, PageSnapshot page) {
        List<String> codes = new ArrayList<>();
        for (Map.Entry<String, String> code : BlockSupport.errorCodes(block, context).entrySet()) {
            if (verify(engine, code.getValue(), page).status() == Verification.Status.ACHIEVED) {
                codes.add(code.getKey());
            }
        }
        return codes;
    }

    private static String text(BlockDefinition block, String field) {
        return block.string(field).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
    }
}
