package dev.rover.core.exec;

import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.run.TimelineEntry;
import dev.rover.core.template.TemplateValues;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Test-only block types, registered explicitly. They record what they saw (rendered fields, labels
 * in order) so tests can assert on execution order and templating.
 */
final class TestBlocks {

    /** Labels of executed blocks, in order. */
    final List<String> executed = Collections.synchronizedList(new ArrayList<>());
    /** The rendered fields each block received, by label (last execution wins). */
    final Map<String, Map<String, Object>> seenFields = Collections.synchronizedMap(new java.util.HashMap<>());
    /** Counted down when a {@code wait_for_cancel} block starts waiting. */
    final CountDownLatch waiting = new CountDownLatch(1);

    private BlockType type(String name, Body body) {
        return new BlockType() {
            @Override
            public String type() {
                return name;
            }

            @Override
            public BlockResult execute(BlockDefinition block, BlockContext context) throws Exception {
                executed.add(block.label());
                seenFields.put(block.label(), block.fields());
                return body.run(block, context);
            }
        };
    }

    interface Body {
        BlockResult run(BlockDefinition block, BlockContext context) throws Exception;
    }

    List<BlockType> all() {
        return List.of(
                // output: the rendered "value" field, or null
                type("echo", (b, c) -> BlockResult.completed(b.field("value").orElse(null))),
                type("fail", (b, c) -> BlockResult.failed(b.string("reason").orElse("it failed"))),
                type("terminate", (b, c) -> BlockResult.terminated(b.string("reason").orElse("cannot go on"),
                        b.list("codes").stream().map(String::valueOf).toList())),
                type("throw", (b, c) -> {
                    throw new IllegalStateException(b.string("message").orElse("boom"));
                }),
                // goes to the label in "go" (a branch override of next_block_label)
                type("branch", (b, c) -> BlockResult.completed(Map.of("went", b.string("go").orElse("")))
                        .withNextBlockLabel(b.string("go").orElse(null))),
                type("wait_for_cancel", (b, c) -> {
                    waiting.countDown();
                    boolean canceled = c.cancellation().sleep(Duration.ofSeconds(20));
                    return canceled ? BlockResult.canceled() : BlockResult.completed("woke up uncanceled");
                }),
                // runs loop_blocks once per item of the "items" list; output: the nested outputs
                type("loop", (b, c) -> {
                    List<Object> outputs = new ArrayList<>();
                    List<Object> items = b.list("items");
                    for (int i = 0; i < items.size(); i++) {
                        BlockResult r = c.runNested(b.loopBlocks(), TemplateValues.loopIteration(items.get(i), i));
                        if (r.status() != BlockStatus.COMPLETED) {
                            return new BlockResult(r.status(), outputs, r.failureReason(), r.errorCodes(), null);
                        }
                        outputs.add(r.output());
                    }
                    return BlockResult.completed(outputs);
                }),
                // an AI-like block: two steps with an action and a thought each, steps and usage counted
                type("agent", (b, c) -> {
                    for (int step = 1; step <= 2; step++) {
                        TimelineRecorder s = c.timeline().start(TimelineEntry.Type.STEP, "step " + step);
                        s.thought("look at the page " + step);
                        TimelineRecorder a = s.start(TimelineEntry.Type.ACTION, "click");
                        a.reasoning("the button is there");
                        a.finish("success", Map.of("element", "A" + step), null);
                        s.finish("completed", null, null);
                        c.addSteps(1);
                    }
                    return BlockResult.completed(Map.of("done", true));
                }),
                // asks the run's engine once whether the goal is met (an engine records its usage on the run's meter)
                type("ask", (b, c) -> BlockResult.completed(c.services().engine(null, null)
                        .verify(new dev.rover.core.engine.VerifyRequest("the goal", null, null, List.of(), List.of()))
                        .status().name())),
                // shows what the run's services say (its settings' system prompt)
                type("service", (b, c) -> BlockResult.completed(String.valueOf(c.services().settings().systemPrompt()))));
    }
}
