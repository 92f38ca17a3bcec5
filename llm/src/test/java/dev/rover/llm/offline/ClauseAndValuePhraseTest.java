package dev.rover.llm.offline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The clause splitter, the value reader and the date reader, each on its own. */
class ClauseAndValuePhraseTest {

    @Test
    void splitsOnThenAndOnCommasOrAndOnlyWhereANewInstructionStarts() {
        assertThat(ClauseSplitter.clauses("Fill in Full name with John Smith and Email with john@example.com, then click Submit"))
                .containsExactly("Fill in Full name with John Smith and Email with john@example.com", "click Submit");
        assertThat(ClauseSplitter.clauses("Set Full name to John Smith and Email to john@example.com, choose Germany as the country, "
                + "tick the newsletter box and click Submit"))
                .containsExactly("Set Full name to John Smith and Email to john@example.com", "choose Germany as the country",
                        "tick the newsletter box", "click Submit");
    }

    @Test
    void neverSplitsInsideQuotesOrWhereAPartWouldMeanNothing() {
        assertThat(ClauseSplitter.clauses("Type \"salt, and then click\" into Notes and click Save"))
                .containsExactly("Type \"salt, and then click\" into Notes", "click Save");
        assertThat(ClauseSplitter.clauses("Please click Save and Close")).containsExactly("click Save and Close");
        assertThat(ClauseSplitter.clauses("Could you please tick \"I agree\" and then press Continue"))
                .containsExactly("tick \"I agree\"", "press Continue");
    }

    @Test
    void unquotedValuesRunToTheNextPair() {
        MaskedClause mc = MaskedClause.of("Full name with John Smith and Email with john@example.com");
        assertThat(ValuePhrase.pairs(mc, mc.masked(), "with")).containsExactly(
                new ValuePhrase.Pair("Full name", "John Smith"), new ValuePhrase.Pair("Email", "john@example.com"));
        MaskedClause one = MaskedClause.of("Notes with salt and pepper, and a pinch of sugar");
        assertThat(ValuePhrase.pairs(one, one.masked(), "with")).containsExactly(
                new ValuePhrase.Pair("Notes", "salt and pepper, and a pinch of sugar"));
        assertThat(ValuePhrase.valueFirstPairs("John Smith into Full name and john@example.com into Email")).containsExactly(
                new ValuePhrase.Pair("Full name", "John Smith"), new ValuePhrase.Pair("Email", "john@example.com"));
        assertThat(ValuePhrase.valueFirstPairs("salt and pepper into Notes")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Type \"marta\" in capitals into Name|MARTA", "type \"Marta Lopez\" into Name in upper case|MARTA LOPEZ",
            "Enter \"Hello World\" in lower-case into Name|hello world", "type \"new york\" into Name in title case|New York",
            "Type \"Case\" into Name|Case"})
    void textTransformsApplyToTheTypedValueOnly(String clause, String typed) {
        assertThat(InstructionForms.match(clause)).singleElement().isInstanceOfSatisfying(Instruction.Type.class, t -> {
            assertThat(t.value()).isEqualTo(typed);
            assertThat(t.labels()).containsExactly("Name");
        });
        assertThat(InstructionForms.match("Click the Upper case button")).singleElement()
                .isInstanceOfSatisfying(Instruction.Click.class, c -> assertThat(c.labels()).containsExactly("Upper case"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2024-03-05|2024-03-05", "March 5, 2024|2024-03-05", "5 March 2024|2024-03-05",
            "Tuesday, March 5th, 2024|2024-03-05", "the 3rd of May 2024|2024-05-03", "12/24/2024|2024-12-24", "24.12.2024|2024-12-24"})
    void readsDatesAsPeopleWriteThem(String text, String iso) {
        assertThat(DateText.parse(text).date()).isEqualTo(LocalDate.parse(iso));
    }

    @Test
    void neverGuessesADayMonthOrderAndWritesWhatTheFieldShows() {
        DateText.Parsed ambiguous = DateText.parse("05/03/2024");
        assertThat(ambiguous.ok()).isFalse();
        assertThat(ambiguous.problem()).contains("day/month or month/day");
        assertThat(DateText.parse("next Friday").ok()).isFalse();
        assertThat(DateText.format(LocalDate.of(2024, 3, 5), "DD/MM/YYYY")).isEqualTo("05/03/2024");
        assertThat(DateText.format(LocalDate.of(2024, 3, 5), "mm-dd-yyyy")).isEqualTo("03-05-2024");
        assertThat(DateText.format(LocalDate.of(2024, 3, 5), "Your birthday")).isEqualTo("2024-03-05");
    }

    @Test
    void aPronounMeansThePreviousTarget() {
        List<Instruction> parsed = GoalParser.parse("Clear the Name field and type \"Bo\" into it").instructions();
        assertThat(parsed).hasSize(2);
        assertThat(((Instruction.Type) parsed.get(1)).labels()).containsExactly("Name");
    }
}
