package dev.rover.llm.offline;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InstructionFormsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Click the \"Sign up\" button", "click on \u201CSign up\u201D", "Press the Sign up button", "Tap 'Sign up'",
            "click Sign up", "Click on the Sign up link", "Find Sign up button and click it"})
    void clickForms(String clause) {
        assertThat(InstructionForms.match(clause)).singleElement()
                .isInstanceOfSatisfying(Instruction.Click.class, c -> assertThat(c.labels()).containsExactly("Sign up"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Enter \"2024-01-01\" into \"From date\"|From date|2024-01-01",
            "type \u201Cin stock\u201D into the Notes field|Notes|in stock",
            "Input 'Ann' in the field labelled First name|First name|Ann",
            "fill in the \"Email\" box with \"a@b.co\"|Email|a@b.co",
            "Set Quantity to 3|Quantity|3",
            "Type hello world into Search|Search|hello world"})
    void typeForms(String clause, String label, String value) {
        assertThat(InstructionForms.match(clause)).singleElement()
                .isEqualTo(new Instruction.Type(clause, List.of(label), value));
    }

    @Test
    void aRoleWordThatIsPartOfTheLabelStaysInIt() {
        assertThat(InstructionForms.match("Fill From date with 2024-01-01")).singleElement()
                .isEqualTo(new Instruction.Type("Fill From date with 2024-01-01", new TargetSpec(List.of("From date"), Role.DATE, 0, false, ""),
                        "2024-01-01"));
    }

    @Test
    void selectCheckAndKeyForms() {
        assertThat(InstructionForms.match("Select \"Canada\" from the Country dropdown")).singleElement()
                .isEqualTo(new Instruction.Select("Select \"Canada\" from the Country dropdown",
                        new TargetSpec(List.of("Country"), Role.LIST, 0, false, ""), "Canada"));
        assertThat(InstructionForms.match("choose Express in Shipping")).singleElement()
                .isEqualTo(new Instruction.Select("choose Express in Shipping", List.of("Shipping"), "Express"));
        assertThat(InstructionForms.match("Tick the Terms checkbox")).singleElement()
                .isEqualTo(new Instruction.Check("Tick the Terms checkbox", new TargetSpec(List.of("Terms"), Role.CHECKBOX, 0, false, ""), true));
        assertThat(InstructionForms.match("uncheck \"Newsletter\"")).singleElement()
                .isEqualTo(new Instruction.Check("uncheck \"Newsletter\"", List.of("Newsletter"), false));
        assertThat(InstructionForms.match("press Enter")).singleElement().isInstanceOf(Instruction.PressEnter.class);
        assertThat(InstructionForms.match("Submit the form")).singleElement().isInstanceOf(Instruction.Submit.class);
        assertThat(InstructionForms.match("scroll down")).singleElement().isEqualTo(new Instruction.Scroll("scroll down", "down"));
        assertThat(InstructionForms.match("wait 3 seconds")).singleElement().isEqualTo(new Instruction.Wait("wait 3 seconds", 3));
    }

    @Test
    void navigationForms() {
        assertThat(InstructionForms.match("Go to https://example.com/orders")).singleElement()
                .isEqualTo(new Instruction.GoTo("Go to https://example.com/orders", "https://example.com/orders"));
        assertThat(InstructionForms.match("open example.com")).singleElement()
                .isEqualTo(new Instruction.GoTo("open example.com", "example.com"));
        assertThat(InstructionForms.match("Navigate to Order History or My Orders")).singleElement()
                .isEqualTo(new Instruction.OpenPage("Navigate to Order History or My Orders", List.of("Order History", "My Orders")));
    }

    @Test
    void loginCookiesAndFilterRanges() {
        assertThat(InstructionForms.match("Log in using the provided credentials")).singleElement().isInstanceOf(Instruction.Login.class);
        assertThat(InstructionForms.match("Handle any cookie consent popups")).singleElement().isInstanceOf(Instruction.AcceptCookies.class);
        assertThat(InstructionForms.match("Click the \"Log in\" button")).singleElement().isInstanceOf(Instruction.Click.class);
        assertThat(InstructionForms.match("Enter \"bob\" into the login field")).singleElement().isInstanceOf(Instruction.Type.class);
        assertThat(InstructionForms.match("Filter orders between 2024-01-01 and 2024-03-31"))
                .extracting(i -> ((Instruction.Type) i).value()).containsExactly("2024-01-01", "2024-03-31");
    }

    @Test
    void unknownClausesMatchNothing() {
        assertThat(InstructionForms.match("Search for a relevant job based on the parsed resume: {}")).isEmpty();
        assertThat(InstructionForms.match("Check that the order exists")).isEmpty();
        assertThat(InstructionForms.match("Make the world a better place")).isEmpty();
    }

    @Test
    void goalSplitsIntoClausesAndCriteria() {
        ParsedGoal goal = GoalParser.parse("Filter orders between 2024-01-01 and 2024-03-31. Click the Filter button, then press Enter;"
                + " wait 1 second\nCOMPLETE when filtered results are visible.\nTERMINATE if \"No access\" is shown.");
        assertThat(goal.instructions()).hasSize(5);
        assertThat(goal.instructions().get(2)).isEqualTo(new Instruction.Click("Click the Filter button",
                new TargetSpec(List.of("Filter"), Role.BUTTON, 0, false, "")));
        assertThat(goal.instructions().get(3)).isInstanceOf(Instruction.PressEnter.class);
        assertThat(goal.completeCriteria()).containsExactly("filtered results are visible");
        assertThat(goal.terminateCriteria()).containsExactly("\"No access\" is shown");
        assertThat(goal.unknownClauses()).isEmpty();
    }

    @Test
    void quotedValuesKeepSentenceEndsAndKeywords() {
        ParsedGoal goal = GoalParser.parse("Type \"Hi. Then go.\" into Message and then click Send.");
        assertThat(goal.instructions()).containsExactly(
                new Instruction.Type("Type \"Hi. Then go.\" into Message", List.of("Message"), "Hi. Then go."),
                new Instruction.Click("click Send", List.of("Send")));
    }

    @Test
    void clausesJoinedByAndSplitOnlyWhenEveryPartIsAnInstruction() {
        ParsedGoal goal = GoalParser.parse("Type \"salt and pepper\" into Notes and click Save");
        assertThat(goal.instructions()).containsExactly(
                new Instruction.Type("Type \"salt and pepper\" into Notes", List.of("Notes"), "salt and pepper"),
                new Instruction.Click("click Save", List.of("Save")));
        assertThat(GoalParser.parse("Review entered data and submit the form").unknownClauses())
                .containsExactly("Review entered data and submit the form");
    }

    @Test
    void criteriaNeedCapitalsOrAWhenAndOtherwiseAreInstructions() {
        ParsedGoal goal = GoalParser.parse("Complete the Comment field with \"ok\". Complete when the page shows \"Saved\".\n"
                + "TERMINATE: the account is closed. If the item is sold out, terminate. Consider the goal complete");
        assertThat(goal.instructions()).containsExactly(
                new Instruction.Type("Complete the Comment field with \"ok\"", List.of("Comment"), "ok"));
        assertThat(goal.completeCriteria()).containsExactly("the page shows \"Saved\"", "Consider the goal complete");
        assertThat(goal.terminateCriteria()).containsExactly("the account is closed", "the item is sold out");
        assertThat(goal.unknownClauses()).isEmpty();
    }
}
