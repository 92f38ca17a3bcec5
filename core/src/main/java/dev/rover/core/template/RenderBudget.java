package dev.rover.core.template;

import java.util.function.BooleanSupplier;

/**
 * How much work one rendering may do: a cap on loop iterations over the whole template (nested loops
 * count every inner iteration) and a question, asked as loops run, whether the run that renders is
 * ending (its deadline passed or it was canceled). Jinjava cannot be interrupted, so without this a
 * nested {@code range} loop could run long past the run's time limit.
 */
final class RenderBudget {

    private static final ThreadLocal<RenderBudget> CURRENT = new ThreadLocal<>();

    private final int maxIterations;
    private final BooleanSupplier stopRequested;
    private long iterations;

    private RenderBudget(int maxIterations, BooleanSupplier stopRequested) {
        this.maxIterations = maxIterations;
        this.stopRequested = stopRequested;
    }

    /** Starts a budget for the rendering on this thread; close the returned scope when it ends. */
    static Scope open(int maxIterations, BooleanSupplier stopRequested) {
        RenderBudget previous = CURRENT.get();
        CURRENT.set(new RenderBudget(maxIterations, stopRequested));
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** Counts one loop iteration against the rendering on this thread, if any. */
    static void iteration() {
        RenderBudget budget = CURRENT.get();
        if (budget == null) {
            return;
        }
        budget.iterations++;
        if (budget.iterations > budget.maxIterations) {
            throw new LimitExceeded("it ran more than " + budget.maxIterations
                    + " loop iterations (the limit for one template)");
        }
        if (budget.stopRequested.getAsBoolean()) {
            throw new LimitExceeded("the run is ending (its time limit passed or it was canceled)");
        }
    }

    /** Ends a budget; no checked exception. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Thrown from inside Jinjava's loop to end the rendering; the renderer turns it into a {@link TemplateException}. */
    static final class LimitExceeded extends RuntimeException {
        LimitExceeded(String message) {
            super(message, null, false, false);
        }
    }
}
