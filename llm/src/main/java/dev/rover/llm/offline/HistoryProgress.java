package dev.rover.llm.offline;

import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Target;
import dev.rover.core.engine.ActionRecord;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the action history says about a goal's progress. The offline engine keeps no state between
 * steps: it tags each planned action's reasoning with its instruction number and reads the tags back here.
 */
final class HistoryProgress {

    private static final Pattern INSTRUCTION = Pattern.compile("^Instruction (\\d+) of \\d+\\b");
    private static final Pattern WAITING = Pattern.compile("^Waiting for instruction (\\d+) of \\d+\\b");
    static final String CRITERION_WAIT = "Waiting for the complete criterion";
    static final String COOKIE_CLICK = "Accepting the cookie consent";

    private final List<ActionRecord> history;
    private final Set<Integer> done = new HashSet<>();
    private final Map<Integer, Integer> failures = new HashMap<>();
    private final Map<Integer, String> lastFailure = new HashMap<>();
    private final Map<Integer, Integer> waits = new HashMap<>();
    private final Map<Integer, Set<Integer>> steps = new HashMap<>();
    private int criterionWaits;
    private int cookieClicks;

    private HistoryProgress(List<ActionRecord> history) {
        this.history = history;
        Map<Integer, Integer> lastStepOf = new HashMap<>();
        for (ActionRecord r : history) {
            String reasoning = r.reasoning() == null ? "" : r.reasoning();
            boolean ok = r.result() == null || r.result().success();
            Matcher m = INSTRUCTION.matcher(reasoning);
            Matcher w = WAITING.matcher(reasoning);
            if (m.find()) {
                int index = Integer.parseInt(m.group(1));
                steps.computeIfAbsent(index, k -> new HashSet<>()).add(r.step());
                if (!Integer.valueOf(r.step()).equals(lastStepOf.get(index))) {
                    done.remove(index);
                    lastStepOf.put(index, r.step());
                    if (ok) {
                        done.add(index);
                    }
                }
                if (!ok) {
                    done.remove(index);
                    failures.merge(index, 1, Integer::sum);
                    lastFailure.put(index, r.result().failureReason());
                }
            } else if (w.find()) {
                waits.merge(Integer.parseInt(w.group(1)), 1, Integer::sum);
            } else if (reasoning.startsWith(CRITERION_WAIT)) {
                criterionWaits++;
            } else if (reasoning.startsWith(COOKIE_CLICK) && ok) {
                cookieClicks++;
            }
        }
    }

    /** Reads the history of the current block. */
    static HistoryProgress of(List<ActionRecord> history) {
        return new HistoryProgress(history == null ? List.of() : history);
    }

    /**
     * Reads the history of the current block for these instructions; when no record carries this
     * engine's tags, progress is inferred by matching the actions to the instructions.
     */
    static HistoryProgress of(List<ActionRecord> history, List<Instruction> instructions) {
        HistoryProgress progress = of(history);
        boolean tagged = progress.history.stream().map(ActionRecord::reasoning)
                .anyMatch(r -> r != null && (INSTRUCTION.matcher(r).find() || WAITING.matcher(r).find()
                        || r.startsWith(CRITERION_WAIT) || r.startsWith(COOKIE_CLICK)));
        if (!tagged) {
            progress.done.addAll(UntaggedProgress.done(progress.history, instructions));
        }
        return progress;
    }

    /** Reasoning tag of an action that performs instruction {@code index} (1-based) of {@code total}. */
    static String tag(int index, int total) {
        return "Instruction " + index + " of " + total;
    }

    /** Reasoning tag of a wait for the target of instruction {@code index} to appear. */
    static String waitTag(int index, int total) {
        return "Waiting for instruction " + index + " of " + total;
    }

    boolean isDone(int index) {
        return done.contains(index);
    }

    /** True when the instruction's actions were attempted at least once. */
    boolean attempted(int index) {
        return done.contains(index) || failures.containsKey(index);
    }

    /** In how many steps actions of this instruction were performed. */
    int steps(int index) {
        return steps.getOrDefault(index, Set.of()).size();
    }

    int failures(int index) {
        return failures.getOrDefault(index, 0);
    }

    String lastFailure(int index) {
        return lastFailure.getOrDefault(index, "");
    }

    int waits(int index) {
        return waits.getOrDefault(index, 0);
    }

    int criterionWaits() {
        return criterionWaits;
    }

    int cookieClicks() {
        return cookieClicks;
    }

    /** True when the most recent step did something that usually changes the page (click, Enter, navigation). */
    boolean lastStepMayHaveNavigated() {
        if (history.isEmpty()) {
            return false;
        }
        int lastStep = history.get(history.size() - 1).step();
        return history.stream().filter(r -> r.step() == lastStep).map(ActionRecord::action).anyMatch(a ->
                a instanceof BrowserAction.Click || a instanceof BrowserAction.Keypress || a instanceof BrowserAction.GotoUrl
                        || a instanceof BrowserAction.GoBack || a instanceof BrowserAction.NewTab || a instanceof BrowserAction.SwitchTab);
    }

    /** The field typed into most recently with success. */
    Optional<Target> lastTypedField() {
        for (int i = history.size() - 1; i >= 0; i--) {
            ActionRecord r = history.get(i);
            if (r.action() instanceof BrowserAction.InputText t && (r.result() == null || r.result().success())) {
                return Optional.of(t.target());
            }
        }
        return Optional.empty();
    }

    /** How many times this exact text was typed (a credential placeholder, say). */
    int timesTyped(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return (int) history.stream().filter(r -> r.action() instanceof BrowserAction.InputText t && text.equals(t.text())).count();
    }

    /** True when any action so far downloaded a file. */
    boolean downloaded() {
        return history.stream().anyMatch(r -> r.result() != null && !r.result().downloads().isEmpty());
    }
}
