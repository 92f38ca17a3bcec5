package dev.rover.blocks.report;

import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.RunType;
import dev.rover.core.run.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's overview, parameters, readable times, file links, a failure reason said once, and acted-on elements outlined. */
class RunReportTest {

    @Test
    void aFailedRunShowsItsReasonOnceWithTheOverviewParametersAndFileLinks() {
        Instant t0 = Instant.parse("2026-12-01T10:15:30Z");
        RunId id = RunId.next(RunType.WORKFLOW);
        String reason = "The Sign in button never appeared";
        Run run = Run.created(id, "Sign in", Map.of("portal_url", "http://127.0.0.1:1/"), null, null, t0)
                .withStatus(RunStatus.QUEUED, t0).withStatus(RunStatus.RUNNING, t0.plusSeconds(1))
                .withStatus(RunStatus.FAILED, t0.plusSeconds(5)).toBuilder().failureReason(reason).build();
        TimelineEntry step = new TimelineEntry(TimelineEntry.Type.STEP, "step 1", "failed", null, reason, null,
                t0.plusSeconds(1), t0.plusSeconds(4), List.of(), List.of());
        List<TimelineEntry> timeline = List.of(
                new TimelineEntry(TimelineEntry.Type.BLOCK, "open", "completed", null, null, null, t0, t0.plusSeconds(1), List.of(), List.of()),
                new TimelineEntry(TimelineEntry.Type.BLOCK, "sign_in", "failed", null, reason, null, t0.plusSeconds(1),
                        t0.plusSeconds(5), List.of(), List.of(step)));
        List<ArtifactRecord> files = List.of(
                new ArtifactRecord("a_1", id, ArtifactType.RECORDING, null, null, "file:/tmp/run/trace.zip", "application/zip", 10, t0),
                new ArtifactRecord("a_2", id, ArtifactType.LLM_PROMPT, "sign_in", 1, "file:/tmp/run/prompt.txt", "text/plain", 5, t0),
                new ArtifactRecord("a_3", id, ArtifactType.SCREENSHOT_ACTION, "sign_in", 1, "file:/tmp/run/s.png", "image/png", 5, t0));

        String html = RunReport.render(run, timeline, null, null, artifactId -> Optional.empty(), files);

        assertThat(html.split(reason, -1)).as("the failure reason appears once").hasSize(2);
        assertThat(html).contains("id=\"overview\"").containsPattern("<li>open <span class=\"status completed\">")
                .containsPattern("<li>sign_in <span class=\"status failed\">");
        assertThat(html.indexOf("id=\"overview\"")).isLessThan(html.indexOf("<h2>Timeline</h2>"));
        assertThat(html).contains("id=\"parameters\"").contains("portal_url");
        assertThat(html).contains("2026-12-01 10:15:30 UTC").contains("2026-12-01 10:15:35 UTC");
        assertThat(html).contains("href=\"file:/tmp/run/trace.zip\">recording</a>")
                .contains("href=\"file:/tmp/run/prompt.txt\">llm_prompt · sign_in · step 1</a>")
                .doesNotContain("href=\"file:/tmp/run/s.png\"");
    }

    @Test
    void theStepScreenshotOutlinesTheElementsOfEveryActionOfTheStepWhereTheyWere() {
        Instant t0 = Instant.parse("2026-12-01T10:15:30Z");
        RunId id = RunId.next(RunType.TASK);
        Run run = Run.created(id, "Search", Map.of(), null, null, t0).withStatus(RunStatus.QUEUED, t0)
                .withStatus(RunStatus.RUNNING, t0).withStatus(RunStatus.COMPLETED, t0.plusSeconds(3));
        Map<String, Object> searchBox = Map.of("x", 100, "y", 50, "width", 120, "height", 40,
                "viewport_width", 1000, "viewport_height", 500);
        Map<String, Object> goButton = Map.of("x", 500.5, "y", 250, "width", 50, "height", 25,
                "viewport_width", 1000, "viewport_height", 500);
        TimelineEntry typed = new TimelineEntry(TimelineEntry.Type.ACTION, "input_text", "success",
                Map.of("element_id", "a1", "box", searchBox), null, null, t0, t0, List.of(), List.of());
        TimelineEntry clicked = new TimelineEntry(TimelineEntry.Type.ACTION, "click", "success",
                Map.of("element_id", "a2", "box", goButton), null, null, t0, t0, List.of("a_9"), List.of());
        TimelineEntry step = new TimelineEntry(TimelineEntry.Type.STEP, "step 1", "completed", null, null, null,
                t0, t0.plusSeconds(2), List.of(), List.of(typed, clicked));
        List<TimelineEntry> timeline = List.of(new TimelineEntry(TimelineEntry.Type.BLOCK, "search", "completed", null, null,
                null, t0, t0.plusSeconds(2), List.of(), List.of(step)));
        RunReport.Content png = new RunReport.Content("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        String html = RunReport.render(run, timeline, null, null, artifactId -> artifactId.equals("a_9")
                ? Optional.of(png) : Optional.empty(), List.of());

        assertThat(html.split("<img class=\"shot\"", -1)).as("one screenshot, on the step's last action").hasSize(2);
        String marked = html.substring(html.indexOf("<div class=\"marked\""));
        assertThat(marked.indexOf("<img class=\"shot\"")).isLessThan(marked.indexOf("<span class=\"box\""));
        assertThat(marked).contains("title=\"input_text: element at (100,50) 120x40\"")
                .contains("left:10.00%;top:10.00%;width:12.00%;height:8.00%")
                .contains("title=\"click: element at (501,250) 50x25\"")
                .contains("left:50.05%;top:50.00%;width:5.00%;height:5.00%");
        assertThat(RunReport.marker(new TimelineEntry(TimelineEntry.Type.ACTION, "click", "success",
                Map.of("box", Map.of("x", 1, "y", 1)), null, null, t0, t0, List.of(), List.of()))).as("incomplete box").isNull();
    }
}
