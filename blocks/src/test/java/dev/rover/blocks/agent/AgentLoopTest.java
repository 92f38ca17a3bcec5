package dev.rover.blocks.agent;

import dev.rover.blocks.fakes.FakeBrowser;
import dev.rover.blocks.fakes.Pages;
import dev.rover.core.exec.BlockStatus;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.TimelineEntry;
import dev.rover.core.engine.ActionRecord;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.GoalState;
import dev.rover.core.engine.PlannedAction;
import dev.rover.core.engine.Verification;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.rover.blocks.agent.LoopFixture.ONE_CALL;
import static dev.rover.blocks.agent.LoopFixture.act;
import static dev.rover.blocks.agent.LoopFixture.click;
import static dev.rover.blocks.agent.LoopFixture.complete;
import static dev.rover.blocks.agent.LoopFixture.type;
import static org.assertj.core.api.Assertions.assertThat;

class AgentLoopTest {

    private static FakeBrowser threePages() {
        return new FakeBrowser(Pages.page("https://shop.test/login", "Sign in"),
                Pages.page("https://shop.test/password", "Enter password"),
                Pages.page("https://shop.test/home", "Welcome"));
    }

    private static AgentGoal.Builder goal() {
        return AgentGoal.builder("login", "Log in").verifyCompletion(false);
    }

    @Test
    void multiStepGoalCompletesWithEveryStepRecordedAndUsageSummed() {
        var f = new LoopFixture(threePages());
        f.engine.decide(act("type the user", type("a1", "alice")), act("go on", click("a3")), complete("logged in"));

        AgentOutcome outcome = f.run(goal().build());

        assertThat(outcome.status()).isEqualTo(BlockStatus.COMPLETED);
        assertThat(outcome.reason()).isEqualTo("logged in");
        assertThat(outcome.steps()).isEqualTo(3);
        assertThat(outcome.usage().calls()).isEqualTo(3);
        assertThat(outcome.usage().inputTokens()).isEqualTo(300);
        assertThat(outcome.finalUrl()).isEqualTo("https://shop.test/home");
        assertThat(f.browser.performed).containsExactly(type("a1", "alice"), click("a3"));
        assertThat(f.steps).extracting(TimelineEntry::label).containsExactly("step 1", "step 2", "step 3");
        assertThat(f.steps).extracting(TimelineEntry::status).containsExactly("completed", "completed", "completed");
        assertThat(f.engine.decideRequests).extracting(r -> r.page().url())
                .containsExactly("https://shop.test/login", "https://shop.test/password", "https://shop.test/home");
    }

    @Test
    void actionsOfAStepStopAtTheFirstFailure() {
        var f = new LoopFixture(threePages());
        f.browser.script(ActionResult.ok(), ActionResult.failed("element a3 is disabled"));
        f.engine.decide(act("fill and submit", type("a1", "alice"), click("a3"), click("a2")), complete("done"));

        AgentOutcome outcome = f.run(goal().build());

        assertThat(outcome.status()).isEqualTo(BlockStatus.COMPLETED);
        assertThat(f.browser.performed).containsExactly(type("a1", "alice"), click("a3"));
        TimelineEntry first = f.steps.get(0);
        assertThat(first.status()).isEqualTo("failed");
        assertThat(first.failureReason()).isEqualTo("click failed: element a3 is disabled");
        assertThat(first.children()).extracting(TimelineEntry::type)
                .containsExactly(TimelineEntry.Type.THOUGHT, TimelineEntry.Type.ACTION, TimelineEntry.Type.ACTION);
        assertThat(first.children().get(2).status()).isEqualTo("failed");
        // the failed action ends the step, so the step's one screenshot shows the page it failed on
        assertThat(first.children().get(1).artifactIds()).isEmpty();
        assertThat(first.children().get(2).artifactIds()).singleElement()
                .satisfies(id -> assertThat(f.artifacts.recorded).anySatisfy(r -> assertThat(r.id()).isEqualTo(id)));
    }

    @Test
    void historyOfEarlierStepsReachesTheNextDecideRequest() {
        var f = new LoopFixture(threePages());
        f.browser.script(ActionResult.ok(), ActionResult.failed("covered by a banner"));
        f.engine.decide(act("type", type("a1", "alice")), act("submit", click("a3")), complete("done"));

        f.run(goal().build());

        assertThat(f.engine.decideRequests.get(0).history()).isEmpty();
        assertThat(f.engine.decideRequests.get(1).history()).extracting(ActionRecord::step, ActionRecord::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, type("a1", "alice")));
        List<ActionRecord> third = f.engine.decideRequests.get(2).history();
        assertThat(third).extracting(ActionRecord::step).containsExactly(1, 2);
        assertThat(third.get(1).action()).isEqualTo(click("a3"));
        assertThat(third.get(1).reasoning()).isEqualTo("because click");
        assertThat(third.get(1).result().success()).isFalse();
        assertThat(third.get(1).result().failureReason()).isEqualTo("covered by a banner");
    }

    @Test
    void reachingMaxStepsFailsWithASummarisedReasonAndAFailedStepIsRetriedWithoutUsingTheBudget() {
        var f = new LoopFixture(threePages());
        f.browser.script(ActionResult.ok(), ActionResult.failed("the button did nothing"), ActionResult.ok(), ActionResult.ok());
        f.engine.otherwise(r -> act("keep going", click("a" + (r.history().size() + 1))));

        AgentOutcome outcome = f.run(goal().maxSteps(3).build());

        assertThat(outcome.status()).isEqualTo(BlockStatus.FAILED);
        assertThat(outcome.steps()).as("3 steps that went through and 1 failed attempt").isEqualTo(4);
        assertThat(outcome.reason()).contains("max_steps (3)").contains("last problem: click failed: the button did nothing");
        assertThat(f.engine.decideRequests).hasSize(4);
    }

    @Test
    void fiveConsecutiveFailedStepsFailTheBlockBeforeMaxSteps() {
        var f = new LoopFixture(threePages());
        for (int i = 0; i < 6; i++) {
            f.browser.script(ActionResult.failed("element gone " + i));
        }
        f.engine.otherwise(r -> act("try", click("a" + r.history().size())));

        AgentOutcome outcome = f.run(goal().maxSteps(10).build());

        assertThat(outcome.status()).isEqualTo(BlockStatus.FAILED);
        assertThat(outcome.steps()).isEqualTo(5);
        assertThat(outcome.reason()).isEqualTo("5 consecutive steps failed; last: click failed: element gone 4");
    }

    @Test
    void aSuccessfulStepResetsTheConsecutiveFailureCount() {
        var f = new LoopFixture(threePages());
        f.browser.stayOnPage();
        for (int i = 0; i < 4; i++) {
            f.browser.script(ActionResult.failed("miss " + i));
        }
        f.browser.script(ActionResult.ok());
        for (int i = 0; i < 4; i++) {
            f.browser.script(ActionResult.failed("miss again " + i));
        }
        f.engine.otherwise(r -> r.history().size() == 9 ? complete("finally") : act("try", click("x" + r.history().size())));

        AgentOutcome outcome = f.run(goal().maxSteps(10).build());

        assertThat(outcome.status()).isEqualTo(BlockStatus.COMPLETED);
        assertThat(outcome.steps()).isEqualTo(10);
    }

    @Test
    void theSameActionOnAnUnchangedPageTheThirdTimeFailsTheStepWithNoProgress() {
        var f = new LoopFixture(threePages());
        f.browser.stayOnPage();
        f.engine.decide(act("click", click("a3")), act("again", click("a3")), act("and again", click("a3")), complete("ok"));

        AgentOutcome outcome = f.run(goal().build());

        assertThat(f.browser.performed).hasSize(2);
        TimelineEntry third = f.steps.get(2);
        assertThat(third.status()).isEqualTo("failed");
        assertThat(third.failureReason()).contains("no progress");
        assertThat(f.engine.decideRequests.get(3).history().get(2).result().failureReason()).contains("no progress");
        assertThat(outcome.status()).isEqualTo(BlockStatus.COMPLETED);
    }

    @Test
    void theSameActionOnAChangingPageIsNotGuarded() {
        var f = new LoopFixture(threePages());
        f.engine.decide(act("click", click("a3")), act("again", click("a3")), act("and again", click("a3")), complete("ok"));

        f.run(goal().build());

        assertThat(f.browser.performed).hasSize(3);
        assertThat(f.steps).extracting(TimelineEntry::status).doesNotContain("failed");
    }

    @Test
    void verificationAfterAContinueStepCompletesWhenAchieved() {
        var f = new LoopFixture(threePages());
        f.engine.decide(act("submit", click("a3")));
        f.engine.verify(new Verification(Verification.Status.ACHIEVED, "the dashboard shows", ONE_CALL));

        AgentOutcome outcome = f.run(AgentGoal.builder("login", "Log in").completeCriterion("dashboard visible").build());

        assertThat(outcome.status()).isEqualTo(BlockStatus.COMPLETED);
        assertThat(outcome.reason()).isEqualTo("the dashboard shows");
        assertThat(outcome.steps()).isEqualTo(1);
        assertThat(outcome.usage().calls()).isEqualTo(2);
        assertThat(f.engine.verifyRequests).singleElement().satisfies(v -> {
            assertThat(v.completeCriterion()).isEqualTo("dashboard visible");
            assertThat(v.page().url()).isEqualTo("https://shop.test/password");
            assertThat(v.history()).isEmpty();
        });
        assertThat(f.steps.get(0).children()).extracting(TimelineEntry::reasoning).contains("verification: achieved - the dashboard shows");
    }

    @Test
    void verificationSendsHistoryWhenAskedTo() {
        var f = new LoopFixture(threePages());
        f.engine.decide(act("submit", click("a3")));
        f.engine.verify(new Verification(Verification.Status.ACHIEVED, "", ONE_CALL));

        f.run(AgentGoal.builder("login", "Log in").historyInVerification(true).build());

        assertThat(f.engine.verifyRequests.get(0).history()).extracting(ActionRecord::action).containsExactly(click("a3"));
    }

    @Test
    void verificationImpossibleTerminates() {
        var f = new LoopFixture(threePages());
        f.engine.decide(act("submit", click("a3")));
        f.engine.verify(new Verification(Verification.Status.IMPOSSIBLE, "the account is locked", ONE_CALL));

        AgentOutcome outcome = f.run(AgentGoal.builder("login", "Log in").build());

        assertThat(outcome.status()).isEqualTo(BlockStatus.TERMINATED);
        assertThat(outcome.reason()).isEqualTo("the account is locked");
        assertThat(f.engine.decideRequests).hasSize(1);
    }

    @Test
    void verificationNotAchievedContinues() {
        var f = new LoopFixture(threePages());
        f.engine.decide(act("submit", click("a3")), complete("now done"));
        f.engine.verify(new Verification(Verification.Status.NOT_ACHIEVED, "still on the form", ONE_CALL));

        AgentOutcome outcome = f.run(AgentGoal.builder("login", "Log in").build());

        assertThat(outcome.status()).isEqualTo(BlockStatus.COMPLETED);
        assertThat(outcome.reason()).isEqualTo("now done");
        assertThat(outcome.steps()).isEqualTo(2);
        assertThat(f.engine.verifyRequests).hasSize(1);
    }

    @Test
    void aSingleActionGoalNeverVerifiesAndCompletesAfterItsAction() {
        var f = new LoopFixture(threePages());
        f.engine.decide(act("click it", click("a3")));

        AgentOutcome outcome = f.run(AgentGoal.builder("act", "Click continue").singleAction(true).verifyCompletion(false).maxSteps(1).build());

        assertThat(outcome.status()).isEqualTo(BlockStatus.COMPLETED);
        assertThat(f.engine.verifyRequests).isEmpty();
        assertThat(f.engine.decideRequests.get(0).singleAction()).isTrue();
    }

    @Test
    void aSingleActionGoalThatTerminatesAfterActingIsTerminated() {
        var f = new LoopFixture(threePages());
        f.engine.decide(new Decision(List.of(new PlannedAction(click("a3"), "try")), "the page says access denied",
                GoalState.TERMINATE, List.of("ACCESS_DENIED"), ONE_CALL));

        AgentOutcome outcome = f.run(AgentGoal.builder("act", "Click continue").singleAction(true).verifyCompletion(false).maxSteps(1).build());

        assertThat(outcome.status()).isEqualTo(BlockStatus.TERMINATED);
        assertThat(outcome.errorCodes()).containsExactly("ACCESS_DENIED");
    }

    @Test
    void theSameActionSeveralTimesInOneStepIsNotALoop() {
        var f = new LoopFixture(threePages());
        f.browser.script(ActionResult.ok(), ActionResult.ok(), ActionResult.ok());
        f.engine.decide(act("three more", click("a1"), click("a1"), click("a1")));
        f.engine.otherwise(r -> Decision.complete("done", ONE_CALL));

        AgentOutcome outcome = f.run(goal().maxSteps(3).build());

        assertThat(outcome.status()).isEqualTo(BlockStatus.COMPLETED);
    }

    @Test
    void aSingleActionGoalWithNoActionDoesNotCountAsDone() {
        var f = new LoopFixture(threePages());
        f.engine.otherwise(r -> Decision.act(List.of(), "nothing to do", ONE_CALL));

        AgentOutcome outcome = f.run(AgentGoal.builder("act", "Click continue").singleAction(true).verifyCompletion(false).maxSteps(1).build());

        assertThat(outcome.status()).isEqualTo(BlockStatus.FAILED);
        assertThat(outcome.reason()).contains(AgentLoop.MAX_CONSECUTIVE_FAILURES + " consecutive steps failed").contains("no action");
        assertThat(f.engine.decideRequests).hasSize(AgentLoop.MAX_CONSECUTIVE_FAILURES);
    }

    @Test
    void terminateEndsTheLoopWithTheErrorCodes() {
        var f = new LoopFixture(threePages());
        f.engine.decide(Decision.terminate("the password was rejected", List.of("INVALID_CREDENTIALS"), ONE_CALL));

        AgentOutcome outcome = f.run(goal().errorCodeMapping(java.util.Map.of("INVALID_CREDENTIALS", "login rejected")).build());

        assertThat(outcome.status()).isEqualTo(BlockStatus.TERMINATED);
        assertThat(outcome.reason()).isEqualTo("the password was rejected");
        assertThat(outcome.errorCodes()).containsExactly("INVALID_CREDENTIALS");
        assertThat(f.engine.decideRequests.get(0).errorCodeMapping()).containsEntry("INVALID_CREDENTIALS", "login rejected");
        assertThat(f.steps.get(0).status()).isEqualTo("terminated");
        assertThat(f.browser.performed).isEmpty();
    }

    @Test
    void aCancelBeforeAStepEndsCanceledWithoutAskingTheEngine() {
        var f = new LoopFixture(threePages());
        f.cancellation.cancel();

        AgentOutcome outcome = f.run(goal().build());

        assertThat(outcome.status()).isEqualTo(BlockStatus.CANCELED);
        assertThat(outcome.steps()).isZero();
        assertThat(f.engine.decideRequests).isEmpty();
    }

    @Test
    void aCancelDuringTheLastStepIsReportedAsCanceledNotAsMaxSteps() {
        var f = new LoopFixture(threePages());
        f.engine.decideWith(r -> {
            f.cancellation.cancel();
            return act("click", click("a3"));
        });

        AgentOutcome outcome = f.run(goal().maxSteps(1).build());

        assertThat(outcome.status()).isEqualTo(BlockStatus.CANCELED);
        assertThat(f.browser.performed).isEmpty();
    }

    @Test
    void aPassedDeadlineEndsTimedOut() {
        var f = new LoopFixture(threePages());
        f.clock = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);
        f.deadline = Instant.parse("2026-01-01T09:59:59Z");

        AgentOutcome outcome = f.run(goal().build());

        assertThat(outcome.status()).isEqualTo(BlockStatus.TIMED_OUT);
        assertThat(outcome.reason()).contains("time limit").contains("'login'");
        assertThat(f.engine.decideRequests).isEmpty();
    }

    @Test
    void anEngineErrorFailsTheStepAndTheLoopGoesOn() {
        var f = new LoopFixture(threePages());
        f.engine.decideWith(r -> {
            throw new IllegalStateException("provider answered 503");
        });
        f.engine.decide(complete("done"));

        AgentOutcome outcome = f.run(goal().build());

        assertThat(outcome.status()).isEqualTo(BlockStatus.COMPLETED);
        assertThat(f.steps.get(0).status()).isEqualTo("failed");
        assertThat(f.steps.get(0).failureReason()).isEqualTo("the engine could not decide: provider answered 503");
    }

    @Test
    void aDownloadCompletesTheGoalWhenCompleteOnDownload() {
        var f = new LoopFixture(threePages());
        f.browser.script(ActionResult.ok(), FakeBrowser.downloaded("invoice.pdf"));
        f.engine.decide(act("open invoices", click("a1")), act("download", click("a3")));
        f.engine.verify(new Verification(Verification.Status.NOT_ACHIEVED, "", ONE_CALL));

        AgentOutcome outcome = f.run(AgentGoal.builder("dl", "Download the invoice").completeOnDownload(true).build());

        assertThat(outcome.status()).isEqualTo(BlockStatus.COMPLETED);
        assertThat(outcome.steps()).isEqualTo(2);
        assertThat(outcome.reason()).isEqualTo("downloaded invoice.pdf");
        assertThat(outcome.downloads()).extracting(d -> d.name()).containsExactly("invoice.pdf");
        assertThat(f.steps.get(1).children().get(1).details()).containsEntry("downloads", List.of("invoice.pdf"));
    }

    @Test
    void aStepHoldsItsThoughtAndActionsWithScreenshotArtifacts() {
        var f = new LoopFixture(threePages());
        f.engine.decide(act("fill the form", type("a1", "alice"), click("a3")), complete("done"));

        f.run(goal().build());

        TimelineEntry step = f.steps.get(0);
        assertThat(step.type()).isEqualTo(TimelineEntry.Type.STEP);
        assertThat(step.reasoning()).isEqualTo("fill the form");
        assertThat(step.artifactIds()).hasSize(2);
        assertThat(step.artifactIds()).allSatisfy(id -> assertThat(f.artifacts.ids()).contains(id));
        assertThat(f.artifacts.recorded).filteredOn(r -> step.artifactIds().contains(r.id()))
                .extracting(r -> r.type()).containsExactlyInAnyOrder(ArtifactType.VISIBLE_ELEMENTS_TREE, ArtifactType.PAGE_PROMPT);
        assertThat(step.children()).extracting(TimelineEntry::type)
                .containsExactly(TimelineEntry.Type.THOUGHT, TimelineEntry.Type.ACTION, TimelineEntry.Type.ACTION);
        assertThat(step.children().get(0).reasoning()).isEqualTo("fill the form");
        TimelineEntry typing = step.children().get(1);
        assertThat(typing.label()).isEqualTo("input_text");
        assertThat(typing.status()).isEqualTo("success");
        assertThat(typing.details()).containsEntry("action_type", "input_text").containsEntry("id", "a1").containsEntry("text", "alice");
        assertThat(typing.reasoning()).isEqualTo("because input_text");
        // one screenshot per step, after its last action
        assertThat(typing.artifactIds()).isEmpty();
        assertThat(step.children().get(2).artifactIds()).singleElement().satisfies(id -> assertThat(f.artifacts.recorded)
                .filteredOn(r -> r.id().equals(id)).singleElement()
                .satisfies(r -> {
                    assertThat(r.type()).isEqualTo(ArtifactType.SCREENSHOT_ACTION);
                    assertThat(r.content()).isEqualTo(FakeBrowser.PNG);
                    assertThat(r.step()).isEqualTo(1);
                }));
    }

    @Test
    void screenshotsGoToTheEngineOnlyWhenAsked() {
        var f = new LoopFixture(threePages());
        f.engine.decide(complete("done"), complete("done"));

        f.run(goal().build());
        f.run(goal().sendScreenshots(true).build());

        assertThat(f.engine.decideRequests.get(0).screenshots()).isEmpty();
        assertThat(f.engine.decideRequests.get(1).screenshots()).singleElement().isEqualTo(FakeBrowser.PNG);
        assertThat(f.artifacts.ofType(ArtifactType.SCREENSHOT_LLM)).hasSize(1);
    }

    @Test
    void aGoalNeedsAtLeastOneStep() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> goal().maxSteps(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max_steps");
    }

    static BrowserAction scroll() {
        return new BrowserAction.Scroll(null, "down", 500);
    }
}
