package dev.rover.llm.usage;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one model charges, in currency units per million tokens, so a run's cost can be computed
 * from token counts alone.
 */
public record ModelPrice(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public ModelPrice {
        Objects.requireNonNull(inputPerMillion, "inputPerMillion");
        Objects.requireNonNull(outputPerMillion, "outputPerMillion");
        if (inputPerMillion.signum() < 0 || outputPerMillion.signum() < 0) {
            throw new IllegalArgumentException("model prices cannot be negative: input " + inputPerMillion
                    + ", output " + outputPerMillion);
        }
    }

    /** The cost of these token counts. */
    public BigDecimal cost(long inputTokens, long outputTokens) {
        return inputPerMillion.multiply(BigDecimal.valueOf(inputTokens))
                .add(outputPerMillion.multiply(BigDecimal.valueOf(outputTokens)))
                .divide(MILLION, 8, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }
}
