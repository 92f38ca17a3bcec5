package dev.rover.llm.parse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LenientJsonTest {

    @Test
    void readsJsonInsideFencesProseTrailingCommasAndComments() {
        assertThat(LenientJson.parse("```json\n{\"a\": [1, 2,],}\n```").path("a")).hasSize(2);
        assertThat(LenientJson.parse("Here you go [see below]: {\"a\": 1} Hope that helps!").path("a").asInt()).isEqualTo(1);
        assertThat(LenientJson.parse("{'a': 'b' /* note */}").path("a").asText()).isEqualTo("b");
        assertThat(LenientJson.parse("[1, 2, 3]").size()).isEqualTo(3);
    }

    @Test
    void reportsWhereTheJsonBreaks() {
        assertThatThrownBy(() -> LenientJson.parse("{\"a\": }"))
                .isInstanceOf(InvalidAnswerException.class)
                .hasMessageStartingWith("the answer is not valid JSON")
                .hasMessageContaining("line 1, column");
        assertThatThrownBy(() -> LenientJson.parse("no json at all"))
                .hasMessage("the answer contains no JSON object; answer with one JSON object only");
    }
}
