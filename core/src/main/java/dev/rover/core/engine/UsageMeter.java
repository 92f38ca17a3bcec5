package dev.rover.core.engine;


import java.util.Objects;

/**
 * Adds up what a run's model calls used, per step and per run, and stops the run when its
 * {@link RunBudget} is spent. One meter per run; thread-safe.
 */
public final class UsageMeter {

    private final RunBudget budget;
    private Usage run = Usage.ZERO;
    private Usage step = Usage.ZERO;

    public UsageMeter(RunBudget budget) {
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    /** A meter without limits. */
    public static UsageMeter unlimited() {
        return new UsageMeter(RunBudget.UNLIMITED);
    }

    public RunBudget budget() {
        return budget;
    }

    /** Starts counting a new step; the run total carries on. */
    public synchronized void startStep() {
        step = Usage.ZERO;
    }

    /**
     * Counts what the run used before this meter existed (a paused run continued by another process), so its total
     * and budget carry on; never fails, the next {@link #ensureWithinBudget} does when the budget is spent.
     */
    public synchronized void carryOver(Usage earlier) {
        run = run.plus(Objects.requireNonNull(earlier, "earlier"));
    }

    /** Adds one call's usage, then fails if the run is now over budget. */
    public synchronized void record(Usage usage) {
        run = run.plus(usage);
        step = step.plus(usage);
        ensureWithinBudget();
    }

    /**
     * Fails when the run has already spent its budget; called before a model call so an
     * exhausted run makes no further calls.
     *
     * @throws BudgetExceededException saying which limit was reached
     */
    public synchronized void ensureWithinBudget() {
        if (budget.maxTokens() != null && run.totalTokens() >= budget.maxTokens()) {
            throw new BudgetExceededException("run budget exceeded: " + run.totalTokens() + " tokens used ("
                    + run.inputTokens() + " in, " + run.outputTokens() + " out) in " + run.calls()
                    + " model calls; max_tokens is " + budget.maxTokens());
        }
        if (budget.maxCost() != null && run.cost().compareTo(budget.maxCost()) >= 0) {
            throw new BudgetExceededException("run budget exceeded: cost " + run.cost().toPlainString() + " in "
                    + run.calls() + " model calls; max_cost is " + budget.maxCost().toPlainString());
        }
    }

    /** What the run used so far. */
    public synchronized Usage runUsage() {
        return run;
    }

    /** What the current step used so far. */
    public synchronized Usage stepUsage() {
        return step;
    }
}
