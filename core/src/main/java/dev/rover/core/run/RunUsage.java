package dev.rover.core.run;

import java.math.BigDecimal;

/** Model calls, tokens and cost a run has spent so far. */
public record RunUsage(int llmCalls, long inputTokens, long outputTokens, BigDecimal cost) {

    public static final RunUsage NONE = new RunUsage(0, 0, 0, BigDecimal.ZERO);

    public RunUsage {
        cost = cost == null ? BigDecimal.ZERO : cost;
    }

    public RunUsage plus(int calls, long in, long out, BigDecimal c) {
        return new RunUsage(llmCalls + calls, inputTokens + in, outputTokens + out, cost.add(c == null ? BigDecimal.ZERO : c));
    }
}
