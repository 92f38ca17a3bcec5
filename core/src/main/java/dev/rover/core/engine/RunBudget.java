package dev.rover.core.engine;

import java.math.BigDecimal;

/**
 * Limits on what one run may spend on model calls ({@code max_tokens}, {@code max_cost}); a null
 * limit means unlimited. Protects users from the runaway loops agents are known for.
 */
public record RunBudget(Long maxTokens, BigDecimal maxCost) {

    /** No limits. */
    public static final RunBudget UNLIMITED = new RunBudget(null, null);

    public RunBudget {
        if (maxTokens != null && maxTokens <= 0) {
            throw new IllegalArgumentException("max_tokens must be positive, got " + maxTokens);
        }
        if (maxCost != null && maxCost.signum() <= 0) {
            throw new IllegalArgumentException("max_cost must be positive, got " + maxCost);
        }
    }

    /** A budget of at most this many tokens. */
    public static RunBudget ofTokens(long maxTokens) {
        return new RunBudget(maxTokens, null);
    }

    /** A budget of at most this cost. */
    public static RunBudget ofCost(BigDecimal maxCost) {
        return new RunBudget(null, maxCost);
    }
}
