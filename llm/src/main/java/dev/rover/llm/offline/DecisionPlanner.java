package dev.rover.llm.offline;

import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.page.Target;
import dev.rover.core.engine.DecideRequest;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.GoalState;
import dev.rover.core.engine.PlannedAction;
import dev.rover.core.engine.Usage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The offline engine's "what next?": works through the goal's instructions in order, skipping
 * those the history shows as done (a login is judged from the page instead), batching the ones whose targets are on the page until an action
 * that probably navigates, and refusing with a reason a person can act on when it is stuck.
 */
final class DecisionPlanner {

    private static final int MAX_FAILURES = 3;
    private static final int MAX_CRITERION_WAITS = 2;
    private static final double SETTLE_SECONDS = 2;

    private DecisionPlanner() {
    }

    static Decision decide(DecideRequest request) {
        PageSnapshot page = request.page();
        if (page == null) {
            return terminate("The offline engine got no page snapshot to decide on; observe the page before deciding", List.of());
        }
        ParsedGoal goal = GoalParser.parse(request.goal());
        if (!goal.unknownClauses().isEmpty()) {
            String clause = goal.unknownClauses().get(0);
            return terminate("The offline engine does not understand \"" + LabelText.shorten(clause, 200) + "\" in the goal. It follows "
                    + "explicit instructions (click \"X\"; enter \"v\" into L; fill L with v and M with w; select \"O\" from L; check L; "
                    + "focus L; expand S; pick an item that starts with X from L; press Enter; submit the form; go to URL; log in) "
                    + "and never guesses. " + LlmAdvice.HOW_TO_CONFIGURE, List.of());
        }
        HistoryProgress progress = HistoryProgress.of(request.history(), goal.instructions());
        Optional<String> unconfirmed = ActionChecker.check(request.history(), goal.instructions(), page);
        if (unconfirmed.isPresent()) {
            return terminate(unconfirmed.get(), List.of());
        }
        List<String> completeCriteria = new ArrayList<>(goal.completeCriteria());
        List<String> terminateCriteria = new ArrayList<>(goal.terminateCriteria());
        addIfPresent(completeCriteria, request.completeCriterion());
        addIfPresent(terminateCriteria, request.terminateCriterion());

        for (String criterion : terminateCriteria) {
            CriterionChecker.Judgement j = CriterionChecker.judge(criterion, page, progress.downloaded());
            if (j.known() && j.met()) {
                return terminate("The terminate criterion \"" + criterion + "\" is met: " + j.reason(),
                        ErrorCodes.matching(request.errorCodeMapping(), criterion + " " + j.reason()));
            }
        }
        if (goal.instructions().isEmpty()) {
            return noInstructions(request.goal(), completeCriteria, page, progress);
        }
        return plan(request, goal, completeCriteria, page, progress);
    }

    private static Decision plan(DecideRequest request, ParsedGoal goal, List<String> completeCriteria, PageSnapshot page,
                                 HistoryProgress progress) {
        List<Instruction> instructions = goal.instructions();
        int total = instructions.size();
        int passed = 0;
        for (int i = total; i >= 1; i--) {
            if (progress.isDone(i) && !(instructions.get(i - 1) instanceof Instruction.Login)) {
                passed = i;
                break;
            }
        }
        List<PlannedAction> batch = new ArrayList<>();
        boolean cookies = instructions.stream().anyMatch(x -> x instanceof Instruction.AcceptCookies);
        if (cookies && progress.cookieClicks() < 2) {
            CookieConsent.acceptButton(page).ifPresent(e -> batch.add(new PlannedAction(new BrowserAction.Click(Target.id(e.id())),
                    HistoryProgress.COOKIE_CLICK + " with \"" + ElementMatcher.displayLabel(e) + "\" so the page can be used")));
        }
        Optional<Target> lastTyped = progress.lastTypedField();
        Optional<Credentials> credentials = Credentials.from(request.userDetails());
        List<String> doneNotes = new ArrayList<>();
        for (int i = 1; i <= total; i++) {
            Instruction instruction = instructions.get(i - 1);
            boolean login = instruction instanceof Instruction.Login;
            if (instruction instanceof Instruction.AcceptCookies || (!login && (i <= passed || progress.isDone(i)))) {
                continue;
            }
            if (progress.failures(i) >= MAX_FAILURES) {
                return terminate("Instruction " + i + " (\"" + instruction.clause() + "\") failed " + progress.failures(i)
                        + " times; last failure: " + progress.lastFailure(i), List.of());
            }
            Resolution r = instruction instanceof Instruction.Login
                    ? LoginPlanner.plan(page, credentials, progress, request.errorCodeMapping(), progress.steps(i))
                    : InstructionResolver.resolve(instruction, page, lastTyped);
            if (r instanceof Resolution.Fail fail) {
                String reason = login ? fail.reason() : "Instruction " + i + " (\"" + instruction.clause() + "\"): " + fail.reason();
                return batch.isEmpty() ? terminate(reason, fail.errorCodes()) : act(batch, request.singleAction());
            }
            if (r instanceof Resolution.Ambiguous amb) {
                if (!batch.isEmpty()) {
                    return act(batch, request.singleAction());
                }
                return terminate("Instruction " + i + " (\"" + instruction.clause() + "\"): " + amb.candidates().size()
                        + " elements match " + amb.target() + " equally well: " + String.join(", ", amb.candidates())
                        + ". The offline engine does not guess; name the one you mean by its label, its position (\"the second ...\") "
                        + "or its section. " + LlmAdvice.HOW_TO_CONFIGURE, List.of());
            }
            if (r instanceof Resolution.Prepare prep) {
                if (!batch.isEmpty()) {
                    return act(batch, request.singleAction());
                }
                for (BrowserAction action : prep.actions()) {
                    batch.add(new PlannedAction(action, "Preparing instruction " + i + " of " + total + ": " + prep.note()
                            + " (from \"" + instruction.clause() + "\")"));
                }
                return act(batch, request.singleAction());
            }
            if (r instanceof Resolution.Done done) {
                doneNotes.add(done.note());
                continue;
            }
            if (r instanceof Resolution.Missing missing) {
                if (!batch.isEmpty()) {
                    return act(batch, request.singleAction());
                }
                boolean mayAppear = progress.lastStepMayHaveNavigated() || instruction instanceof Instruction.PickSuggestion;
                if (mayAppear && progress.waits(i) < 1) {
                    return act(List.of(new PlannedAction(new BrowserAction.Wait(SETTLE_SECONDS), HistoryProgress.waitTag(i, total)
                            + ": \"" + missing.label() + "\" is not on the page yet; letting the page settle")), false);
                }
                return terminate(notFound(i, instruction, missing, page),
                        ErrorCodes.matching(request.errorCodeMapping(), instruction.clause() + " " + missing.label(), 2));
            }
            Resolution.Act a = (Resolution.Act) r;
            boolean effect = a.actions().stream().anyMatch(DecisionPlanner::hasEffect);
            boolean again = a.actions().stream().anyMatch(x -> targets(batch).contains(targetId(x)));
            if ((effect || again) && !batch.isEmpty()) {
                // what the batch typed or chose is read back on the next page before anything may change it
                return act(batch, request.singleAction());
            }
            for (BrowserAction action : a.actions()) {
                batch.add(new PlannedAction(action, HistoryProgress.tag(i, total) + ": " + a.note() + " (from \"" + instruction.clause() + "\")"));
                if (action instanceof BrowserAction.InputText t) {
                    lastTyped = Optional.of(t.target());
                }
            }
            if (effect || a.navigates() || request.singleAction()) {
                break;
            }
        }
        if (!batch.isEmpty()) {
            // never complete in the step that acts: the next observation reads back what was done
            return act(batch, request.singleAction());
        }
        return complete(total, doneNotes, completeCriteria, page, progress);
    }

    private static Decision complete(int total, List<String> notes, List<String> criteria, PageSnapshot page, HistoryProgress progress) {
        List<String> reasons = new ArrayList<>();
        for (String criterion : criteria) {
            CriterionChecker.Judgement j = CriterionChecker.judge(criterion, page, progress.downloaded());
            if (!j.known()) {
                continue;
            }
            if (!j.met()) {
                if (progress.criterionWaits() < MAX_CRITERION_WAITS) {
                    return act(List.of(new PlannedAction(new BrowserAction.Wait(SETTLE_SECONDS), HistoryProgress.CRITERION_WAIT
                            + " \"" + criterion + "\": " + j.reason())), false);
                }
                return terminate("All " + total + " instructions are done but the complete criterion \"" + criterion
                        + "\" is not met: " + j.reason(), List.of());
            }
            reasons.add(j.reason());
        }
        String detail = reasons.isEmpty() ? "" : "; criteria met: " + String.join("; ", reasons);
        String extra = notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
        return Decision.complete("All " + total + " instructions of the goal are done" + extra + detail, Usage.ZERO);
    }

    private static Decision noInstructions(String goal, List<String> criteria, PageSnapshot page, HistoryProgress progress) {
        if (criteria.isEmpty()) {
            return terminate("The goal \"" + LabelText.shorten(goal == null ? "" : goal, 200) + "\" holds no instruction the offline engine "
                    + "can perform. " + LlmAdvice.HOW_TO_CONFIGURE, List.of());
        }
        List<CriterionChecker.Judgement> judged = criteria.stream()
                .map(c -> CriterionChecker.judge(c, page, progress.downloaded())).toList();
        if (judged.stream().allMatch(j -> j.known() && j.met())) {
            return Decision.complete("The goal has no instruction and its criteria are met: "
                    + String.join("; ", judged.stream().map(CriterionChecker.Judgement::reason).toList()), Usage.ZERO);
        }
        return terminate("The goal holds only the criterion \"" + criteria.get(0) + "\", which is not met, and no instruction the offline "
                + "engine can perform to meet it. " + LlmAdvice.HOW_TO_CONFIGURE, List.of());
    }

    private static String notFound(int index, Instruction instruction, Resolution.Missing missing, PageSnapshot page) {
        String closest = missing.closest().isEmpty() ? "none" : "\"" + String.join("\", \"", missing.closest()) + "\"";
        return "Instruction " + index + " (\"" + instruction.clause() + "\"): nothing on " + (page.url().isEmpty() ? "the page" : page.url())
                + " matches \"" + missing.label() + "\". Closest labels on the page: " + closest
                + ". The offline engine does not guess; name the element as the page labels it. " + LlmAdvice.HOW_TO_CONFIGURE;
    }

    /** The element ids the batch's actions act on. */
    private static java.util.Set<String> targets(List<PlannedAction> batch) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        batch.forEach(p -> ids.add(targetId(p.action())));
        ids.remove(null);
        return ids;
    }

    private static String targetId(BrowserAction action) {
        return action instanceof BrowserAction.ElementAction e && e.target() != null && e.target().hasId() ? e.target().elementId() : null;
    }

    /** True for an action whose outcome may change the page (a click, a key, a navigation), as opposed to filling a field. */
    private static boolean hasEffect(BrowserAction action) {
        return !(action instanceof BrowserAction.InputText || action instanceof BrowserAction.SelectOption
                || action instanceof BrowserAction.Checkbox || action instanceof BrowserAction.UploadFile
                || action instanceof BrowserAction.Scroll || action instanceof BrowserAction.Wait);
    }

    private static Decision act(List<PlannedAction> batch, boolean singleAction) {
        List<PlannedAction> actions = singleAction ? batch.subList(0, 1) : batch;
        String reasoning = String.join("; ", actions.stream().map(PlannedAction::reasoning).distinct().toList());
        return Decision.act(actions, reasoning, Usage.ZERO);
    }

    private static Decision terminate(String reason, List<String> codes) {
        return Decision.terminate(reason, codes, Usage.ZERO);
    }

    private static void addIfPresent(List<String> list, String value) {
        if (value != null && !value.isBlank()) {
            list.add(value.strip());
        }
    }
}
