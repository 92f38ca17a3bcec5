package dev.rover.blocks.agent;

import dev.rover.core.exec.BlockStatus;
import dev.rover.core.json.Json;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.DownloadedFile;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.TimelineEntry;
import dev.rover.core.engine.ActionRecord;
import dev.rover.core.engine.BudgetExceededException;
import dev.rover.core.engine.DecideRequest;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.GoalState;
import dev.rover.core.engine.PlannedAction;
import dev.rover.core.engine.Usage;
import dev.rover.core.engine.Verification;
import dev.rover.core.engine.VerifyRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The observe → decide → act → verify loop behind every AI block. A step observes the page, asks
 * the engine, performs its actions in order (stopping at the first failure) and records all of
 * it. It ends when the engine completes or terminates, verification says the goal is reached,
 * {@code max_steps} or five consecutive failed steps are reached, the run is canceled or its
 * deadline passes.
 */
public final class AgentLoop {

    /** Consecutive failed steps after which the block fails. */
    public static final int MAX_CONSECUTIVE_FAILURES = 5;

    private static final Logger log = LoggerFactory.getLogger(AgentLoop.class);

    private final AgentServices services;

    public AgentLoop(AgentServices services) {
        this.services = services;
    }

    /** Runs the loop for one goal until it ends. */
    public AgentOutcome run(AgentGoal goal) {
        int downloadsBefore = services.browser().downloads().size();
        var state = new LoopState(goal, downloadsBefore);
        // Skyvern's budget: max_steps counts steps that went through; a failed step is retried
        // (at most MAX_CONSECUTIVE_FAILURES in a row) without using up the budget.
        int completedSteps = 0;
        int attempt = 0;
        while (completedSteps < goal.maxSteps()) {
            AgentOutcome stop = interruption(state);
            if (stop != null) {
                return stop;
            }
            StepResult result = step(goal, state, ++attempt, downloadsBefore);
            if (result.outcome != null) {
                return result.outcome;
            }
            if (!result.failed) {
                completedSteps++;
            }
        }
        AgentOutcome stop = interruption(state);
        if (stop != null) {
            return stop;
        }
        return state.outcome(BlockStatus.FAILED, "reached max_steps (" + goal.maxSteps() + ") without completing the goal"
                + (state.lastProblem == null ? "" : "; last problem: " + state.lastProblem), List.of());
    }

    private AgentOutcome interruption(LoopState state) {
        if (services.cancellation().isCanceled()) {
            return state.outcome(BlockStatus.CANCELED, "canceled", List.of());
        }
        if (services.deadline() != null && !services.clock().instant().isBefore(services.deadline())) {
            return state.outcome(BlockStatus.TIMED_OUT, "the run's time limit expired during block '" + state.goal.blockLabel() + "'", List.of());
        }
        return null;
    }

    private StepResult step(AgentGoal goal, LoopState state, int step, int downloadsBefore) {
        Instant started = services.clock().instant();
        state.steps = step;
        var children = new ArrayList<TimelineEntry>();
        var stepArtifacts = new ArrayList<String>();
        PageSnapshot page;
        try {
            page = PageRedaction.redact(services.browser().observe(services.engine().readsEveryElement()), services.secrets());
        } catch (RuntimeException e) {
            // the page may be mid-navigation after the last action; the next attempt observes again
            return failedStep(goal, state, step, started, children, stepArtifacts, "could not observe the page: " + firstLine(e));
        }
        state.guard.startStep(page);
        recordPage(goal, step, page, stepArtifacts);

        Decision decision;
        try {
            decision = services.engine().decide(new DecideRequest(goal.goal(), goal.completeCriterion(), goal.terminateCriterion(),
                    goal.errorCodeMapping(), goal.userDetails(), page, screenshotsFor(goal, step, stepArtifacts),
                    state.history, goal.singleAction(), goal.systemPrompt()));
        } catch (BudgetExceededException e) {
            emitStep(step, "failed", e.getMessage(), null, started, stepArtifacts, children);
            return new StepResult(state.outcome(BlockStatus.FAILED, redact(e.getMessage()), List.of()));
        } catch (RuntimeException e) {
            String reason = "the engine could not decide: " + services.secrets().redact(String.valueOf(e.getMessage()));
            log.warn("block '{}' step {}: {}", goal.blockLabel(), step, reason);
            return failedStep(goal, state, step, started, children, stepArtifacts, reason);
        }
        state.usage = state.usage.plus(decision.usage());
        children.add(thought(decision.reasoning(), started));

        if (decision.state() == GoalState.TERMINATE && decision.actions().isEmpty()) {
            emitStep(step, "terminated", null, decision.reasoning(), started, stepArtifacts, children);
            return new StepResult(state.outcome(BlockStatus.TERMINATED, redact(decision.reasoning()), decision.errorCodes()));
        }
        String failure = goal.singleAction() && decision.actions().isEmpty() && decision.state() == GoalState.CONTINUE
                ? "the engine planned no action for this action block"
                : perform(goal, state, step, decision.actions(), children);
        List<DownloadedFile> downloads = services.browser().downloads();
        if (failure == null && goal.completeOnDownload() && downloads.size() > downloadsBefore) {
            emitStep(step, "completed", null, decision.reasoning(), started, stepArtifacts, children);
            return new StepResult(state.outcome(BlockStatus.COMPLETED, "downloaded " + downloads.get(downloads.size() - 1).name(), List.of()));
        }
        if (failure != null) {
            return failedStep(goal, state, step, started, children, stepArtifacts, failure);
        }
        state.consecutiveFailures = 0;
        if (decision.state() == GoalState.TERMINATE) {
            emitStep(step, "terminated", null, decision.reasoning(), started, stepArtifacts, children);
            return new StepResult(state.outcome(BlockStatus.TERMINATED, redact(decision.reasoning()), decision.errorCodes()));
        }
        if (decision.state() == GoalState.COMPLETE || goal.singleAction()) {
            emitStep(step, "completed", null, decision.reasoning(), started, stepArtifacts, children);
            return new StepResult(state.outcome(BlockStatus.COMPLETED, redact(decision.reasoning()), List.of()));
        }
        AgentOutcome verified = goal.verifyCompletion() ? verify(goal, state, children) : null;
        emitStep(step, verified == null ? "completed" : verified.status().wireName(), null, decision.reasoning(), started, stepArtifacts, children);
        return new StepResult(verified);
    }

    private StepResult failedStep(AgentGoal goal, LoopState state, int step, Instant started, List<TimelineEntry> children,
                                  List<String> stepArtifacts, String reason) {
        state.consecutiveFailures++;
        state.lastProblem = reason;
        emitStep(step, "failed", reason, null, started, stepArtifacts, children);
        if (state.consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
            return new StepResult(state.outcome(BlockStatus.FAILED, MAX_CONSECUTIVE_FAILURES
                    + " consecutive steps failed; last: " + reason, List.of()));
        }
        return StepResult.FAILED_RETRY;
    }

    /** Performs the decision's actions in order; returns the first failure reason, or null. */
    private String perform(AgentGoal goal, LoopState state, int step, List<PlannedAction> actions,
                           List<TimelineEntry> children) {
        int index = 0;
        for (PlannedAction planned : actions) {
            index++;
            if (services.cancellation().isCanceled()) {
                return "canceled before action " + index;
            }
            BrowserAction action = planned.action();
            Instant at = services.clock().instant();
            ActionResult result;
            if (state.guard.isRepeat(action)) {
                result = ActionResult.failed("no progress: the same " + action.actionType()
                        + " on an unchanged page " + LoopGuard.LIMIT + " times");
            } else if (action instanceof BrowserAction.Wait wait) {
                result = CancellableWait.perform(services, wait, goal.downloadSuffix());
            } else {
                result = services.browser().perform(action, services.secrets()::resolve, goal.downloadSuffix(), goal.downloadTimeout());
            }
            result = redacted(result);
            state.history.add(new ActionRecord(step, action, planned.reasoning(), result));
            // one screenshot per step, after its last action (or the one that failed): each costs a capture and an encode
            boolean last = index == actions.size() || !result.success();
            children.add(actionEntry(action, planned.reasoning(), result, at, last ? actionScreenshot(goal, step, index) : List.of()));
            if (!result.success()) {
                return action.actionType() + " failed: " + redact(result.failureReason());
            }
        }
        return null;
    }

    /** The screenshot after an action, or none when the page cannot be captured (it is evidence, not a step). */
    private List<String> actionScreenshot(AgentGoal goal, int step, int index) {
        try {
            return List.of(services.artifacts().record(ArtifactType.SCREENSHOT_ACTION, goal.blockLabel(), step,
                    "step-" + step + "-action-" + index + ".png", "image/png", services.browser().screenshot(false, 0)));
        } catch (RuntimeException e) {
            log.debug("block '{}' step {}: no screenshot after action {}: {}", goal.blockLabel(), step, index, firstLine(e));
            return List.of();
        }
    }

    /** The first line of an exception's message, redacted: Playwright appends a multi-line call log. */
    private String firstLine(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return redact(message.lines().findFirst().orElse(message));
    }

    private AgentOutcome verify(AgentGoal goal, LoopState state, List<TimelineEntry> children) {
        Instant at = services.clock().instant();
        Verification v;
        try {
            v = services.engine().verify(new VerifyRequest(goal.goal(), goal.completeCriterion(),
                    PageRedaction.redact(services.browser().observe(services.engine().readsEveryElement()), services.secrets()),
                    goal.historyInVerification() ? state.history : List.of(), List.of()));
        } catch (RuntimeException e) {
            state.lastProblem = "verification failed: " + redact(String.valueOf(e.getMessage()));
            return null;
        }
        state.usage = state.usage.plus(v.usage());
        children.add(thought("verification: " + v.status().name().toLowerCase(java.util.Locale.ROOT)
                + (v.reason().isBlank() ? "" : " - " + v.reason()), at));
        return switch (v.status()) {
            case ACHIEVED -> state.outcome(BlockStatus.COMPLETED, redact(v.reason()), List.of());
            case IMPOSSIBLE -> state.outcome(BlockStatus.TERMINATED, redact(v.reason()), List.of());
            default -> null;
        };
    }

    private List<byte[]> screenshotsFor(AgentGoal goal, int step, List<String> stepArtifacts) {
        if (!goal.sendScreenshots() && !services.engine().wantsScreenshots()) {
            return List.of();
        }
        byte[] png;
        try {
            png = services.browser().screenshot(false, 0);
        } catch (RuntimeException e) {
            return List.of();
        }
        stepArtifacts.add(services.artifacts().record(ArtifactType.SCREENSHOT_LLM, goal.blockLabel(), step,
                "step-" + step + "-llm.png", "image/png", png));
        return List.of(png);
    }

    private void recordPage(AgentGoal goal, int step, PageSnapshot page, List<String> stepArtifacts) {
        byte[] tree = redact(Json.pretty(page.elements())).getBytes(StandardCharsets.UTF_8);
        stepArtifacts.add(services.artifacts().record(ArtifactType.VISIBLE_ELEMENTS_TREE, goal.blockLabel(), step,
                "step-" + step + "-elements.json", "application/json", tree));
        stepArtifacts.add(services.artifacts().record(ArtifactType.PAGE_PROMPT, goal.blockLabel(), step,
                "step-" + step + "-page.txt", "text/plain", redact(page.promptText()).getBytes(StandardCharsets.UTF_8)));
    }

    private void emitStep(int step, String status, String failure, String reasoning, Instant started, List<String> artifacts,
                          List<TimelineEntry> children) {
        services.steps().accept(new TimelineEntry(TimelineEntry.Type.STEP, "step " + step, status, null,
                failure == null ? null : redact(failure), reasoning == null ? null : redact(reasoning), started,
                services.clock().instant(), artifacts, children));
    }

    private TimelineEntry thought(String reasoning, Instant at) {
        return new TimelineEntry(TimelineEntry.Type.THOUGHT, "thought", null, null, null, redact(reasoning), at, at, List.of(), List.of());
    }

    private TimelineEntry actionEntry(BrowserAction action, String reasoning, ActionResult result, Instant at, List<String> screenshots) {
        Map<String, Object> details = new LinkedHashMap<>(ActionDescriptions.describe(action));
        if (!result.dialogs().isEmpty()) {
            details.put("dialogs", result.dialogs());
        }
        if (!result.downloads().isEmpty()) {
            details.put("downloads", result.downloads().stream().map(DownloadedFile::name).toList());
        }
        if (result.box() != null) {
            details.put("box", result.box().toMap()); // the report outlines it on the step's screenshot
        }
        return new TimelineEntry(TimelineEntry.Type.ACTION, action.actionType(), result.success() ? "success" : "failed",
                services.secrets().redactDeep(details), result.success() ? null : redact(result.failureReason()), redact(reasoning),
                at, services.clock().instant(), screenshots, List.of());
    }

    /** The result as the engine and the timeline may see it: a browser that echoes typed text must not leak it. */
    private ActionResult redacted(ActionResult result) {
        return new ActionResult(result.success(), redact(result.failureReason()), result.downloads(),
                result.dialogs().stream().map(this::redact).toList(), result.box(), result.element());
    }

    private String redact(String text) {
        return text == null ? null : services.secrets().redact(text);
    }

    /** Mutable bookkeeping of one loop; confined to the loop's thread. */
    private final class LoopState {
        final AgentGoal goal;
        final List<ActionRecord> history = new ArrayList<>();
        final LoopGuard guard = new LoopGuard();
        int steps;
        int consecutiveFailures;
        String lastProblem;
        Usage usage = Usage.ZERO;

        /** Downloads the browser had before this loop; the outcome lists only the loop's own. */
        final int downloadsBefore;

        LoopState(AgentGoal goal, int downloadsBefore) {
            this.goal = goal;
            this.downloadsBefore = downloadsBefore;
        }

        AgentOutcome outcome(BlockStatus status, String reason, List<String> errorCodes) {
            List<DownloadedFile> all = services.browser().downloads();
            return new AgentOutcome(status, reason, errorCodes, steps, usage, all.subList(Math.min(downloadsBefore, all.size()), all.size()),
                    redact(services.browser().currentUrl()), history.stream().filter(r -> r.result().success()).toList());
        }
    }

    /** How a step ended: with an outcome for the block, as a failed attempt to retry, or as a step that went through. */
    private record StepResult(AgentOutcome outcome, boolean failed) {
        static final StepResult FAILED_RETRY = new StepResult(null, true);

        StepResult(AgentOutcome outcome) {
            this(outcome, false);
        }
    }
}
