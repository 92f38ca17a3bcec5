package dev.rover.samples.cli;

import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.RunType;
import dev.rover.core.run.TimelineEntry;
import dev.rover.core.run.TimelineEntry.Type;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress printer receives the whole timeline on every change and must print each event exactly once. */
class ProgressPrinterTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final RunId RUN = RunId.next(RunType.WORKFLOW);

    private final StringWriter text = new StringWriter();
    private final ProgressPrinter printer = new ProgressPrinter(new PrintWriter(text, true));

    private static TimelineEntry entry(Type type, String label, String status, Map<String, Object> output, String failure,
                                       String reasoning, long startSec, Long endSec, List<TimelineEntry> children) {
        return new TimelineEntry(type, label, status, output, failure, reasoning, T0.plusSeconds(startSec),
                endSec == null ? null : T0.plusSeconds(endSec), List.of(), children);
    }

    private static TimelineEntry block(String label, String status, Long end, String failure, TimelineEntry... children) {
        return entry(Type.BLOCK, label, status, null, failure, null, 0, end, List.of(children));
    }

    private static TimelineEntry step(int n, String status, Long end, TimelineEntry... children) {
        return entry(Type.STEP, "step " + n, status, null, null, "Fill the login form and submit it", n, end, List.of(children));
    }

    private static TimelineEntry action(String type, Map<String, Object> details, String status, String failure) {
        return entry(Type.ACTION, type, status, details, failure, "because", 1, 1L, List.of());
    }

    private static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private List<String> lines() {
        return text.toString().lines().toList();
    }

    @Test
    void printsEachNewEntryOnceAsTheTimelineGrows() {
        TimelineEntry input = action("input_text", details("action_type", "input_text", "id", "a12", "text", "{{ username }}"),
                "success", null);
        TimelineEntry click = action("click", details("action_type", "click", "selector", "button#go"), "failed",
                "element is hidden");
        TimelineEntry thought = entry(Type.THOUGHT, "thought", null, null, null, "The form is visible", 1, 1L, List.of());

        printer.onTimeline(RUN, List.of(block("sign_in", "running", null, null)));
        printer.onTimeline(RUN, List.of(block("sign_in", "running", null, null)));
        printer.onTimeline(RUN, List.of(block("sign_in", "running", null, null, step(1, "running", null, input))));
        printer.onTimeline(RUN, List.of(block("sign_in", "running", null, null, step(1, "completed", 2L, thought, input, click))));
        printer.onTimeline(RUN, List.of(block("sign_in", "completed", 3L, null, step(1, "completed", 2L, thought, input, click))));
        printer.onTimeline(RUN, List.of(block("sign_in", "completed", 3L, null, step(1, "completed", 2L, thought, input, click)),
                block("orders", "failed", 5L, "the table is empty")));

        assertThat(lines()).containsExactly(
                "block sign_in started",
                "  step 1 completed (1.0 s) - Fill the login form and submit it",
                "    input_text #a12 \"{{ username }}\" -> success",
                "    click button#go -> failed: element is hidden",
                "block sign_in completed (3.0 s)",
                "block orders started",
                "block orders failed (5.0 s): the table is empty");
    }

    @Test
    void nestedBlocksOfALoopAreIndentedUnderTheirParent() {
        TimelineEntry inner = block("download", "completed", 2L, null,
                step(1, "completed", 2L, action("click", details("id", "a3", "downloads", List.of("invoice-7.pdf")), "success", null)));

        printer.onTimeline(RUN, List.of(block("each_order", "running", null, null, inner)));
        printer.onTimeline(RUN, List.of(block("each_order", "completed", 4L, null, inner, inner)));

        assertThat(lines()).containsExactly(
                "block each_order started",
                "  block download started",
                "    step 1 completed (1.0 s) - Fill the login form and submit it",
                "      click #a3 downloaded [invoice-7.pdf] -> success",
                "  block download completed (2.0 s)",
                "  block download started",
                "    step 1 completed (1.0 s) - Fill the login form and submit it",
                "      click #a3 downloaded [invoice-7.pdf] -> success",
                "  block download completed (2.0 s)",
                "block each_order completed (4.0 s)");
    }

    @Test
    void actionsShowTheirTargetAndWhatTheyDid() {
        printer.onTimeline(RUN, List.of(block("form", "running", null, null, step(1, "completed", 2L,
                action("select_option", details("id", "a5", "option", Map.of("label", "Billing")), "success", null),
                action("checkbox", details("id", "a6", "checked", true), "success", null),
                action("upload_file", details("id", "a7", "file_url", "/tmp/note.txt"), "success", null),
                action("goto_url", details("url", "http://127.0.0.1/x"), "success", null),
                action("keypress", details("key", "Enter"), "success", null)))));

        assertThat(lines()).contains(
                "    select_option #a5 \"Billing\" -> success",
                "    checkbox #a6 checked=true -> success",
                "    upload_file #a7 \"/tmp/note.txt\" -> success",
                "    goto_url url=http://127.0.0.1/x -> success",
                "    keypress key=Enter -> success");
    }

    @Test
    void runsAreTrackedSeparately() {
        RunId other = RunId.next(RunType.WORKFLOW);

        printer.onTimeline(RUN, List.of(block("a", "running", null, null)));
        printer.onTimeline(other, List.of(block("a", "running", null, null)));

        assertThat(lines()).containsExactly("block a started", "block a started");
    }

    @Test
    void statusChangesArePrintedOnceWithTheFinalDurationAndReason() {
        Run created = Run.created(RUN, "Orders", Map.of(), null, null, T0);
        Run queued = created.withStatus(RunStatus.QUEUED, T0);
        Run running = queued.withStatus(RunStatus.RUNNING, T0.plusSeconds(1));
        Run failed = running.withStatus(RunStatus.FAILED, T0.plusMillis(3500)).toBuilder()
                .failureReason("block 'orders' failed: the table is empty").build();

        for (Run run : List.of(created, queued, queued, running, running.toBuilder().stepCount(3).build(), failed, failed)) {
            printer.onRun(run);
        }

        assertThat(lines()).containsExactly(
                "run " + RUN + " created",
                "run " + RUN + " queued",
                "run " + RUN + " running",
                "run " + RUN + " failed after 2.5 s: block 'orders' failed: the table is empty");
    }

    @Test
    void longReasoningIsCutToOneLine() {
        String reasoning = "word ".repeat(60) + "\nsecond line";
        printer.onTimeline(RUN, List.of(block("b", "running", null, null,
                entry(Type.STEP, "step 1", "completed", null, null, reasoning, 0, 1L, List.of()))));

        String stepLine = lines().get(1);
        assertThat(stepLine).doesNotContain("\n").endsWith("...");
        assertThat(stepLine.length()).isLessThan(TimelineLines.MAX_TEXT + 40);
    }
}
