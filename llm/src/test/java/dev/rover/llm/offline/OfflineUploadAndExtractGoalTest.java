package dev.rover.llm.offline;

import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Element;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.page.Target;
import dev.rover.core.engine.ActionRecord;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.GoalState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.rover.llm.offline.Pages.actions;
import static dev.rover.llm.offline.Pages.button;
import static dev.rover.llm.offline.Pages.input;
import static dev.rover.llm.offline.Pages.page;
import static dev.rover.llm.offline.Pages.performed;
import static dev.rover.llm.offline.Pages.request;
import static org.assertj.core.api.Assertions.assertThat;

class OfflineUploadAndExtractGoalTest {

    private final OfflineEngine engine = new OfflineEngine();

    private static Element fileInput(String id, String label) {
        return Element.builder(id, "input").name(label).attribute("type", "file").build();
    }

    private static PageSnapshot contactPage() {
        return page("http://portal.test/contact", input("f1", "Your name"), fileInput("f2", "Attachment"),
                input("f3", "Attachment note"), button("b1", "Send message"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Upload \"/tmp/files/report.txt\" to \"Attachment\"", "attach \"/tmp/files/report.txt\" to the Attachment field",
            "Upload the file \"/tmp/files/report.txt\" into Attachment"})
    void uploadForms(String clause) {
        assertThat(InstructionForms.match(clause)).singleElement()
                .isEqualTo(new Instruction.Upload(clause, List.of("Attachment"), "/tmp/files/report.txt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Extract the order ID and date of every order", "Get the current balance", "Read the next due date",
            "Collect every invoice number"})
    void extractionClausesAreInstructionsNotUnknowns(String goal) {
        ParsedGoal parsed = GoalParser.parse(goal);
        assertThat(parsed.unknownClauses()).isEmpty();
        assertThat(parsed.instructions()).singleElement().isInstanceOf(Instruction.Extract.class);
    }

    @Test
    void uploadTargetsTheFileInputNotATextFieldWithASimilarLabel() {
        String goal = "Enter \"Ada\" into \"Your name\".\nUpload \"/tmp/files/report.txt\" to \"Attachment\".\nClick the \"Send message\" button.";
        Decision d = engine.decide(request(goal, contactPage(), List.of()));
        assertThat(d.state()).as("nothing completes before the next observation reads the fields back")
                .isEqualTo(GoalState.CONTINUE);
        assertThat(actions(d)).containsExactly(
                new BrowserAction.InputText(Target.id("f1"), "Ada"),
                new BrowserAction.UploadFile(Target.id("f2"), "/tmp/files/report.txt"));
        Decision send = engine.decide(request(goal, Pages.applied(contactPage(), d), performed(List.of(), d, 1)));
        assertThat(actions(send)).containsExactly(new BrowserAction.Click(Target.id("b1")));
    }

    @Test
    void doneUploadIsNotRepeated() {
        String goal = "Upload \"/tmp/files/report.txt\" to \"Attachment\". Click the \"Send message\" button.";
        Decision first = engine.decide(request(goal, contactPage(), List.of()));
        List<ActionRecord> history = performed(List.of(), first, 1);
        Decision second = engine.decide(request(goal, contactPage(), history));
        assertThat(actions(second)).containsExactly(new BrowserAction.Click(Target.id("b1")));
        history = performed(history, second, 2);
        Decision third = engine.decide(request(goal, page("http://portal.test/contact-sent", "Message sent"), history));
        assertThat(third.state()).isEqualTo(GoalState.COMPLETE);
    }

    @Test
    void uploadDoneByAnotherEngineIsReadFromAnUntaggedHistory() {
        String goal = "Upload \"/tmp/files/report.txt\" to \"Attachment\". Click the \"Send message\" button.";
        List<ActionRecord> history = List.of(new ActionRecord(1, new BrowserAction.UploadFile(Target.id("f2"), "/tmp/files/report.txt"),
                "attach the report", ActionResult.ok()));
        Decision d = engine.decide(request(goal, contactPage(), history));
        assertThat(actions(d)).containsExactly(new BrowserAction.Click(Target.id("b1")));
    }

    @Test
    void missingFileInputTerminatesNamingTheLabel() {
        Decision d = engine.decide(request("Upload \"/tmp/files/report.txt\" to \"Resume\"", contactPage(), List.of()));
        assertThat(d.state()).isEqualTo(GoalState.TERMINATE);
        assertThat(d.reasoning()).contains("\"Resume\"").contains("Attachment");
    }

    @Test
    void extractionPromptCompletesNavigationAtOnce() {
        Decision d = engine.decide(request("Extract the current balance and the next due date",
                page("http://portal.test/dashboard", "Current balance $1,234.50"), List.of()));
        assertThat(d.state()).isEqualTo(GoalState.COMPLETE);
        assertThat(d.actions()).isEmpty();
    }

    @Test
    void extractionClauseAfterNavigationInstructionsStillPerformsThem() {
        Decision d = engine.decide(request("Click the \"Send message\" button, then extract the reference",
                contactPage(), List.of()));
        assertThat(d.state()).isEqualTo(GoalState.CONTINUE);
        assertThat(actions(d)).containsExactly(new BrowserAction.Click(Target.id("b1")));
    }
}
