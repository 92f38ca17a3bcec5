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

/** The report's overview, parameters, readable times, file links, and a failure reason said once. */
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
}
