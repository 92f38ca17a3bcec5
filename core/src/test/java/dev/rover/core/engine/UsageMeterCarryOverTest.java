package dev.rover.core.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A paused run continued by another process keeps counting from what it used before, against the same budget. */
class UsageMeterCarryOverTest {

    @Test
    void earlierUsageCountsTowardsTheTotalAndTheBudgetWithoutFailingAtOnce() {
        UsageMeter meter = new UsageMeter(RunBudget.ofTokens(1000));
        meter.carryOver(new Usage(3, 700, 350, new BigDecimal("0.02")));

        assertThat(meter.runUsage()).isEqualTo(new Usage(3, 700, 350, new BigDecimal("0.02")));
        assertThat(meter.stepUsage()).isEqualTo(Usage.ZERO);
        assertThatThrownBy(meter::ensureWithinBudget).isInstanceOf(BudgetExceededException.class)
                .hasMessageContaining("1050 tokens used").hasMessageContaining("in 3 model calls");
    }
}
