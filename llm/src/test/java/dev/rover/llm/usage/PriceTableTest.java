package dev.rover.llm.usage;

import dev.rover.core.engine.RunBudget;
import dev.rover.core.engine.UsageMeter;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceTableTest {

    @Test
    void longestPrefixPricesDatedModelNames() {
        PriceTable table = PriceTable.parse("gpt-4o=2.5/10, gpt-4o-mini=0.15/0.6");
        assertThat(table.cost("gpt-4o-2024-08-06", 1_000_000, 1_000_000)).isEqualByComparingTo("12.5");
        assertThat(table.cost("GPT-4o-mini-2024-07-18", 2_000_000, 0)).isEqualByComparingTo("0.3");
        assertThat(table.cost("llama3", 5_000, 5_000)).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void malformedEntriesAreNamed() {
        assertThatThrownBy(() -> PriceTable.parse("gpt-4o=2.5"))
                .hasMessageStartingWith("price entry 'gpt-4o=2.5' is not model=input/output");
        assertThatThrownBy(() -> PriceTable.parse("gpt-4o=a/b"))
                .hasMessage("price entry 'gpt-4o=a/b' has a price that is not a number");
    }

    @Test
    void meterCountsStepsSeparatelyFromTheRun() {
        UsageMeter meter = new UsageMeter(RunBudget.ofCost(new BigDecimal("0.01")));
        meter.record(new dev.rover.core.engine.Usage(1, 100, 10, new BigDecimal("0.004")));
        meter.startStep();
        meter.record(new dev.rover.core.engine.Usage(1, 50, 5, new BigDecimal("0.004")));
        assertThat(meter.stepUsage().inputTokens()).isEqualTo(50);
        assertThat(meter.runUsage().inputTokens()).isEqualTo(150);
        assertThatThrownBy(() -> meter.record(new dev.rover.core.engine.Usage(1, 50, 5, new BigDecimal("0.004"))))
                .isInstanceOf(dev.rover.core.engine.BudgetExceededException.class)
                .hasMessage("run budget exceeded: cost 0.012 in 3 model calls; max_cost is 0.01");
    }
}
