package dev.rover.blocks.types;

import dev.rover.blocks.fakes.FakeBrowser;
import dev.rover.blocks.fakes.Pages;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.engine.Verification;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.rover.blocks.types.BlockHarness.block;
import static dev.rover.blocks.types.BlockHarness.v1;
import static org.assertj.core.api.Assertions.assertThat;

/** while_loop: the condition is checked afresh before each iteration, and max_iterations stops a loop that never ends. */
class WhileLoopBlockTest {

    private final BlockHarness h = new BlockHarness(new FakeBrowser(Pages.page("https://shop.test/", "Shop")));

    @AfterEach
    void close() {
        h.close();
    }

    private static BlockDefinition whileLoop(Map<String, Object> condition, Object max, BlockDefinition... nested) {
        return max == null
                ? BlockHarness.graphBlock("while_loop", "poll", null, false, List.of(nested), "condition", condition)
                : BlockHarness.graphBlock("while_loop", "poll", null, false, List.of(nested), "condition", condition,
                "max_iterations", max);
    }

    @Test
    void aTemplateConditionIsRenderedBeforeEveryIteration() {
        BlockDefinition visit = block("goto_url", "visit", "url", "https://shop.test/page/{{ current_index }}");
        Run run = h.run(v1(whileLoop(Map.of("criteria_type", "jinja2_template",
                "expression", "{{ (visit_output.url | default('')) != 'https://shop.test/page/2' }}"),
                10, visit)));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.browser.navigations).containsExactly("https://shop.test/page/0", "https://shop.test/page/1",
                "https://shop.test/page/2");
        assertThat(((Map<?, ?>) run.output()).get("poll_output")).asList().hasSize(3);
    }

    @Test
    void reachingMaxIterationsWithTheConditionStillTrueFailsClearly() {
        Run run = h.run(v1(whileLoop(Map.of("criteria_type", "jinja2_template", "expression", "{{ 1 == 1 }}"), 2,
                block("wait", "nap", "wait_sec", 0.01))));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason()).contains("while_loop 'poll' reached max_iterations (2) with its condition still true");
    }

    @Test
    void aPromptConditionIsVerifiedOnThePageAndAFailedIterationEndsTheLoop() {
        h.engine.verify(new Verification(Verification.Status.ACHIEVED, "items left", null),
                new Verification(Verification.Status.NOT_ACHIEVED, "queue empty", null));
        Run done = h.run(v1(whileLoop(Map.of("criteria_type", "prompt", "expression", "the queue still has items"), null,
                block("goto_url", "visit", "url", "https://shop.test/next"))));
        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.browser.navigations).containsExactly("https://shop.test/next");

        Run failed = h.run(v1(whileLoop(Map.of("criteria_type", "jinja2_template", "expression", "yes"), 5,
                block("goto_url", "visit", "url", ""))));
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.failureReason()).contains("iteration 1 of while_loop 'poll' failed: ")
                .contains("goto_url block 'visit' has an empty url");
    }
}
