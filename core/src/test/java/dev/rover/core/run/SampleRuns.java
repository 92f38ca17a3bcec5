package dev.rover.core.run;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Fully populated runs and timelines for tests, so that round trips exercise every field. */
public final class SampleRuns {

    public static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    private SampleRuns() {
    }

    /** A finished workflow run with every field set. */
    public static Run completedWorkflow(RunId id) {
        Run run = Run.created(id, "Download invoices", Map.of("month", "2026-02", "limit", 3), "http://127.0.0.1:9/hook",
                "flows/invoices.yaml", T0);
        run = run.withStatus(RunStatus.QUEUED, T0.plusMillis(10)).withStatus(RunStatus.RUNNING, T0.plusMillis(20));
        return run.toBuilder()
                .output(Map.of("login_output", Map.of("ok", true),
                        "extract_output", List.of(Map.of("invoice", "INV-1", "total", 12.5), "second")))
                .downloadedFiles(List.of(new FileInfo("inv-1.pdf", "file:///tmp/inv-1.pdf", "ab12", 2048)))
                .recordingUrl("file:///tmp/trace.zip")
                .screenshotUrls(List.of("file:///tmp/s2.png", "file:///tmp/s1.png"))
                .errors(List.of(new RunError("LOGIN_FAILED", "the password was refused", "login")))
                .stepCount(7)
                .usage(new RunUsage(4, 1200, 300, new BigDecimal("0.0125")))
                .webhookAttempts(List.of(new WebhookAttempt(1, T0.plusSeconds(5), 500, "server error")))
                .appUrl("file:///tmp/report.html")
                .build()
                .withStatus(RunStatus.COMPLETED, T0.plusSeconds(4));
    }

    /** A two-block timeline with steps, an action and a thought. */
    public static List<TimelineEntry> timeline() {
        TimelineEntry action = new TimelineEntry(TimelineEntry.Type.ACTION, "click", "success",
                Map.of("element_id", "e12", "reasoning", "the login button"), null, "press login",
                T0.plusMillis(100), T0.plusMillis(350), List.of("a_1"), List.of());
        TimelineEntry thought = new TimelineEntry(TimelineEntry.Type.THOUGHT, "thought", "completed", null, null,
                "the form is filled", T0.plusMillis(90), T0.plusMillis(90), List.of(), List.of());
        TimelineEntry step = new TimelineEntry(TimelineEntry.Type.STEP, "step 1", "completed", null, null, "fill and submit",
                T0.plusMillis(50), T0.plusMillis(400), List.of("a_2"), List.of(thought, action));
        TimelineEntry login = new TimelineEntry(TimelineEntry.Type.BLOCK, "login", "completed", Map.of("ok", true), null,
                null, T0, T0.plusMillis(500), List.of(), List.of(step));
        TimelineEntry extract = new TimelineEntry(TimelineEntry.Type.BLOCK, "extract", "failed", null, "no table found",
                null, T0.plusMillis(600), null, List.of(), List.of());
        return List.of(login, extract);
    }
}
