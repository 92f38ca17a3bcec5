package dev.rover.blocks.types;

import dev.rover.blocks.agent.AgentServices;
import dev.rover.blocks.agent.Extractor;
import dev.rover.core.exec.RunServices;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockType;
import dev.rover.core.json.Json;
import dev.rover.core.engine.Engine;

/**
 * {@code extraction}: reads data from the page into {@code data_schema} (validated, one re-ask on
 * invalid output). No completion verification. The output is the data itself, so later blocks
 * write {@code {{ label_output.orders }}}.
 */
public final class ExtractionBlock implements BlockType {

    @Override
    public String type() {
        return "extraction";
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) {
        String goal = block.string("data_extraction_goal").filter(s -> !s.isBlank()).orElse(null);
        if (goal == null) {
            return BlockResult.failed("extraction block '" + block.label() + "' has no data_extraction_goal");
        }
        RunServices runtime = context.services();
        String navError = BlockSupport.navigateIfUrl(block, runtime);
        if (navError != null) {
            return BlockResult.failed(navError);
        }
        return extract(block, context, runtime, goal);
    }

    /** Extracts with the block's engine and schema; shared with the task block. */
    static BlockResult extract(BlockDefinition block, BlockContext context, RunServices runtime, String goal) {
        Engine engine = BlockSupport.engine(block, context);
        AgentServices services = new AgentServices(engine, runtime.browser(), runtime.secrets(), runtime.artifacts(),
                ContextTimeline.stepSink(context), context.cancellation(), context.deadline(), runtime.clock());
        long retries = Math.max(0, BlockFields.integer(block, "max_retries", 0));
        Extractor.Result result = null;
        for (long attempt = 0; attempt <= retries && (result == null || !result.ok()); attempt++) {
            if (context.cancellation().isCanceled()) {
                return BlockResult.canceled();
            }
            result = new Extractor(services).extract(block.label(), goal, block.field("data_schema").orElse(null),
                    BlockSupport.userDetails(block, context), (int) attempt + 1);
            ContextTimeline.addSteps(context, 1);
        }
        if (!result.ok()) {
            return BlockResult.failed(result.failure());
        }
        Object data = Json.mapper().convertValue(result.data(), Object.class);
        return BlockResult.completed(runtime.secrets().redactDeep(data));
    }
}
