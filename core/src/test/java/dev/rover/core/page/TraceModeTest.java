package dev.rover.core.page;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TraceModeTest {

    @Test
    void parsesTheThreeSpellingsLeniently() {
        assertThat(TraceMode.parse("on-failure")).contains(TraceMode.ON_FAILURE);
        assertThat(TraceMode.parse(" ON_FAILURE ")).contains(TraceMode.ON_FAILURE);
        assertThat(TraceMode.parse("Always")).contains(TraceMode.ALWAYS);
        assertThat(TraceMode.parse("off")).contains(TraceMode.OFF);
        assertThat(TraceMode.parse("never")).isEmpty();
        assertThat(TraceMode.parse(null)).isEmpty();
    }

    @Test
    void aWrongValueNamesItsSourceAndTheAllowedValues() {
        assertThatThrownBy(() -> TraceMode.require("sometimes", "ROVER_TRACE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ROVER_TRACE must be one of on-failure, always, off, not 'sometimes'");
    }

    @Test
    void onFailureKeepsOnlyTracesOfRunsThatDidNotComplete() {
        assertThat(TraceMode.ON_FAILURE.records()).isTrue();
        assertThat(TraceMode.ON_FAILURE.keeps(true)).isFalse();
        assertThat(TraceMode.ON_FAILURE.keeps(false)).isTrue();
        assertThat(TraceMode.ALWAYS.keeps(true)).isTrue();
        assertThat(TraceMode.OFF.records()).isFalse();
        assertThat(TraceMode.OFF.keeps(false)).isFalse();
    }
}
