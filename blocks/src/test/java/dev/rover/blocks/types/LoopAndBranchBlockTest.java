package dev.rover.blocks.types;

import dev.rover.blocks.fakes.FakeBrowser;
import dev.rover.blocks.fakes.Pages;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import dev.rover.core.engine.Verification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.rover.blocks.types.BlockHarness.block;
import static dev.rover.blocks.types.BlockHarness.json;
import static dev.rover.blocks.types.BlockHarness.workflow;
import static org.assertj.core.api.Assertions.assertThat;

class LoopAndBranchBlockTest {

    private final BlockHarness h = new BlockHarness(new FakeBrowser(Pages.page("https://shop.test/", "Shop")));

    @AfterEach
    void close() {
        h.close();
    }

    private static BlockDefinition visit(boolean nextLoopOnFailure) {
        return BlockHarness.graphBlock("goto_url", "visit", null, nextLoopOnFailure, List.of(), "url", "{{ current_value }}");
    }

    private static BlockDefinition loop(String refField, String ref, BlockDefinition... nested) {
        return BlockHarness.graphBlock("for_loop", "each", null, false, List.of(nested), refField, ref);
    }

    @Test
    void forLoopRunsNestedBlocksOverARenderedJsonListWithLoopVariables() {
        BlockDefinition nested = block("goto_url", "visit", "url", "https://shop.test/item/{{ current_value.id }}?i={{ current_index }}");
        Run run = h.run(workflow(1, List.of(json("items")), loop("loop_variable_reference", "{{ items }}", nested)),
                Map.of("items", List.of(Map.of("id", "A"), Map.of("id", "B"))));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.browser.navigations).containsExactly("https://shop.test/item/A?i=0", "https://shop.test/item/B?i=1");
        assertThat(((Map<?, ?>) run.output()).get("each_output")).asList().hasSize(2);
    }

    @Test
    void forLoopRunsOverLoopOverParameterKey() {
        Run run = h.run(workflow(1, List.of(json("urls")), loop("loop_over_parameter_key", "urls", visit(false))),
                Map.of("urls", List.of("https://a.test/", "https://b.test/")));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.browser.navigations).containsExactly("https://a.test/", "https://b.test/");
    }

    @Test
    void anEmptyListCompletesOnlyWithCompleteIfEmpty() {
        Map<String, Object> params = Map.of("urls", List.of());
        Run failed = h.run(workflow(1, List.of(json("urls")), loop("loop_over_parameter_key", "urls", visit(false))), params);
        BlockDefinition allowed = BlockHarness.graphBlock("for_loop", "each", null, false, List.of(visit(false)),
                "loop_over_parameter_key", "urls", "complete_if_empty", true);
        Run completed = h.run(workflow(1, List.of(json("urls")), allowed), params);

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.failureReason()).contains("nothing to loop over").contains("complete_if_empty");
        assertThat(completed.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.browser.navigations).isEmpty();
    }

    @Test
    void aFailedIterationEndsTheLoopUnlessNextLoopOnFailure() {
        Map<String, Object> params = Map.of("urls", List.of("https://a.test/", " ", "https://c.test/"));
        Run stopped = h.run(workflow(1, List.of(json("urls")), loop("loop_over_parameter_key", "urls", visit(false))), params);

        assertThat(stopped.status()).isEqualTo(RunStatus.FAILED);
        assertThat(stopped.failureReason()).contains("iteration 2").contains("empty url");
        assertThat(h.browser.navigations).containsExactly("https://a.test/");

        h.browser.navigations.clear();
        Run skipped = h.run(workflow(1, List.of(json("urls")), loop("loop_over_parameter_key", "urls", visit(true))), params);

        assertThat(skipped.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.browser.navigations).containsExactly("https://a.test/", "https://c.test/");
    }

    @Test
    void aReferenceThatIsNotAListFailsNamingIt() {
        Run run = h.run(workflow(1, List.of(), loop("loop_variable_reference", "not a list", visit(false))));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason()).contains("loop_variable_reference").contains("not a list");
    }

    private static Map<String, Object> branch(String type, String expression, String next) {
        Map<String, Object> b = new HashMap<>();
        b.put("criteria", Map.of("criteria_type", type, "expression", expression));
        b.put("next_block_label", next);
        return b;
    }

    private static Map<String, Object> defaultBranch(String next) {
        Map<String, Object> b = new HashMap<>();
        b.put("is_default", true);
        b.put("next_block_label", next);
        return b;
    }

    private Run branchRun(List<Map<String, Object>> branches, String conditionalNext, Object amount) {
        return h.run(workflow(2, List.of(json("amount")),
                BlockHarness.graphBlock("conditional", "decide", conditionalNext, false, List.of(), "branch_conditions", branches),
                block("goto_url", "big", "url", "https://shop.test/big"),
                block("goto_url", "small", "url", "https://shop.test/small")), Map.of("amount", amount));
    }

    @Test
    void conditionalFollowsTheFirstTrueJinjaBranch() {
        List<Map<String, Object>> branches = List.of(branch("jinja2_template", "{{ amount > 100 }}", "big"), defaultBranch("small"));

        Run run = branchRun(branches, null, 250);

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.browser.navigations).containsExactly("https://shop.test/big");
    }

    @Test
    void conditionalTakesTheDefaultBranchWhenNothingMatches() {
        List<Map<String, Object>> branches = List.of(defaultBranch("small"), branch("jinja2_template", "{{ amount > 100 }}", "big"));

        Run run = branchRun(branches, null, 5);

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.browser.navigations).containsExactly("https://shop.test/small");
        assertThat(((Map<?, ?>) ((Map<?, ?>) run.output()).get("decide_output")).get("matched")).isEqualTo("default branch");
    }

    @Test
    void aMatchingBranchWithoutATargetEndsTheWorkflow() {
        List<Map<String, Object>> branches = List.of(branch("jinja2_template", "{{ amount > 100 }}", null));

        Run run = branchRun(branches, "small", 500);

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.browser.navigations).isEmpty();
    }

    @Test
    void aPromptBranchAsksTheEngineToVerifyItOnThePage() {
        h.engine.verify(new Verification(Verification.Status.ACHIEVED, "the cart is full", AiBlocksTest.CALL));
        List<Map<String, Object>> branches = List.of(branch("prompt", "the cart holds more than {{ amount }} items", "big"),
                defaultBranch("small"));

        Run run = branchRun(branches, null, 3);

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.browser.navigations).containsExactly("https://shop.test/big");
        assertThat(h.engine.verifyRequests).singleElement()
                .satisfies(v -> assertThat(v.completeCriterion()).isEqualTo("the cart holds more than 3 items"));
        assertThat(run.usage().llmCalls()).isEqualTo(1);
    }
}
