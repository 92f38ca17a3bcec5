package dev.rover.core.engine;

import java.math.BigDecimal;

/** Tokens and cost of one or more model calls; {@link #ZERO} for engines that call none. */
public record Usage(int calls, long inputTokens, long outputTokens, BigDecimal cost) {

    public static final Usage ZERO = new Usage(0, 0, 0, BigDecimal.ZERO);

    public Usage {
        cost = cost == null ? BigDecimal.ZERO : cost;
    }

    public Usage plus(Usage other) {
        return new Usage(calls + other.calls, inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                cost.add(other.cost));
    }

    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
