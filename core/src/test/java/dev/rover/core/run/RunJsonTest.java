package dev.rover.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.core.json.Json;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunJsonTest {

    private static final List<String> SKYVERN_KEYS = List.of("run_id", "status", "output", "downloaded_files",
            "recording_url", "screenshot_urls", "failure_reason", "errors", "step_count", "run_type", "created_at",
            "queued_at", "started_at", "finished_at", "title", "app_url");

    private final Run run = SampleRuns.completedWorkflow(RunId.of("wr_01jcz3k4m5n6p7q8r9s0t1v2w3"));

    @Test
    void runHasSkyvernRunResponseKeysPlusRoverExtras() throws Exception {
        JsonNode json = Json.mapper().readTree(Json.compact(run));

        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsAll(SKYVERN_KEYS)
                .contains("usage", "parameters", "webhook_url", "webhook_attempts", "workflow_source")
                .allMatch(k -> k.equals(k.toLowerCase()), "snake_case");
        assertThat(json.get("run_id").asText()).isEqualTo("wr_01jcz3k4m5n6p7q8r9s0t1v2w3");
        assertThat(json.get("status").asText()).isEqualTo("completed");
        assertThat(json.get("run_type").asText()).isEqualTo("workflow_run");
        assertThat(json.get("created_at").asText()).isEqualTo("2026-03-01T10:00:00.123Z");
        assertThat(json.get("failure_reason").isNull()).isTrue();
        assertThat(json.get("recording_note").isNull()).as("a run with a recording needs no note").isTrue();
        assertThat(json.get("downloaded_files").get(0).get("checksum").asText()).isEqualTo("ab12");
        assertThat(json.get("errors").get(0).get("error_code").asText()).isEqualTo("LOGIN_FAILED");
        assertThat(json.get("usage").get("input_tokens").asLong()).isEqualTo(1200);
        assertThat(json.get("webhook_attempts").get(0).get("http_status").asInt()).isEqualTo(500);
        assertThat(json.get("output").get("extract_output").get(0).get("invoice").asText()).isEqualTo("INV-1");
    }

    @Test
    void runRoundTripsWithJsonShapedOutput() throws Exception {
        Run back = Json.mapper().readValue(Json.compact(run), Run.class);

        assertThat(back).isEqualTo(run.toBuilder()
                .output(Map.of("login_output", Map.of("ok", true),
                        "extract_output", List.of(Map.of("invoice", "INV-1", "total", 12.5), "second")))
                .build());
        assertThat(back.output()).isInstanceOf(Map.class);
        assertThat(back.usage().cost()).isEqualByComparingTo(new BigDecimal("0.0125"));
        assertThat(back.parameters()).containsEntry("limit", 3).containsEntry("month", "2026-02");
    }

    @Test
    void aRunWithoutRecordingSaysWhyAndKeepsItThroughJson() throws Exception {
        Run unrecorded = run.toBuilder().recordingUrl(null).recordingNote("none: tracing is off (ROVER_TRACE=off)").build();

        JsonNode json = Json.mapper().readTree(Json.compact(unrecorded));
        assertThat(json.get("recording_url").isNull()).isTrue();
        assertThat(json.get("recording_note").asText()).isEqualTo("none: tracing is off (ROVER_TRACE=off)");
        assertThat(Json.mapper().readValue(Json.compact(unrecorded), Run.class).recordingNote())
                .isEqualTo("none: tracing is off (ROVER_TRACE=off)");
    }

    @Test
    void createdRunWithNullsRoundTrips() throws Exception {
        Run fresh = Run.created(RunId.of("tsk_01jcz3k4m5n6p7q8r9s0t1v2w3"), null, null, null, null, SampleRuns.T0);

        Run back = Json.mapper().readValue(Json.compact(fresh), Run.class);

        assertThat(back).isEqualTo(fresh);
        assertThat(back.runType()).isEqualTo(RunType.TASK);
        assertThat(back.output()).isNull();
    }

    @Test
    void timelineRoundTripsAndWritesDurationInMilliseconds() throws Exception {
        List<TimelineEntry> timeline = SampleRuns.timeline();
        String text = Json.compact(timeline);

        JsonNode json = Json.mapper().readTree(text);
        assertThat(json.get(0).get("type").asText()).isEqualTo("block");
        assertThat(json.get(0).get("duration_ms").asLong()).isEqualTo(500);
        assertThat(json.get(1).get("duration_ms").isNull()).isTrue();
        assertThat(json.get(0).has("duration")).isFalse();
        assertThat(json.get(0).has("details")).isFalse();
        assertThat(json.get(0).get("children").get(0).get("artifact_ids").get(0).asText()).isEqualTo("a_2");

        TimelineEntry[] back = Json.mapper().readValue(text, TimelineEntry[].class);
        assertThat(List.of(back)).isEqualTo(timeline);
        assertThat(back[0].children().get(0).children().get(1).details()).containsEntry("element_id", "e12");
    }

    @Test
    void artifactRecordRoundTrips() throws Exception {
        ArtifactRecord record = new ArtifactRecord("a_01", RunId.of("wr_01x"), ArtifactType.SCREENSHOT_ACTION, "login", 2,
                "file:///tmp/x.png", "image/png", 42, Instant.parse("2026-03-01T10:00:00Z"));
        String text = Json.compact(record);

        assertThat(Json.mapper().readTree(text).get("type").asText()).isEqualTo("screenshot_action");
        assertThat(Json.mapper().readTree(text).get("content_type").asText()).isEqualTo("image/png");
        assertThat(Json.mapper().readValue(text, ArtifactRecord.class)).isEqualTo(record);
    }

    @Test
    void smallRecordsRoundTrip() throws Exception {
        for (Object value : List.of(new FileInfo("a.pdf", "file:///a.pdf", "00ff", 3),
                new RunError("E1", "why", null), new RunUsage(1, 2, 3, new BigDecimal("4.5")),
                new WebhookAttempt(2, SampleRuns.T0, 0, "connection refused"))) {
            assertThat(Json.mapper().readValue(Json.compact(value), value.getClass())).isEqualTo(value);
        }
    }
}
