package dev.rover.samples.e2e;

import dev.rover.Rover;
import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.TimelineEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions every end-to-end run shares: it completed, its timeline nests, and its artifacts are real files. */
final class RunChecks {

    private RunChecks() {
    }

    /** Asserts the run completed, showing its failure reason when it did not. */
    static void assertCompleted(Run run) {
        assertThat(run.status()).as("run %s ended %s: %s", run.runId(), run.status(), run.failureReason())
                .isEqualTo(RunStatus.COMPLETED);
        assertThat(run.failureReason()).isNull();
    }

    /** The output of one block of a workflow run ({@code <label>_output}). */
    @SuppressWarnings("unchecked")
    static <T> T blockOutput(Run run, String label) {
        assertThat(run.output()).isInstanceOf(Map.class);
        Map<String, Object> output = (Map<String, Object>) run.output();
        assertThat(output).containsKey(label + "_output");
        return (T) output.get(label + "_output");
    }

    /** Every entry of the timeline tree, depth first. */
    static Stream<TimelineEntry> flatten(List<TimelineEntry> entries) {
        return entries.stream().flatMap(e -> Stream.concat(Stream.of(e), flatten(e.children())));
    }

    /**
     * Asserts the timeline starts with the login block, which holds steps holding actions, and that
     * every action succeeded and every step with actions points at a screenshot taken after its last action.
     */
    static void assertTimeline(Rover rover, Run run, String... blockLabels) {
        List<TimelineEntry> timeline = rover.getRunTimeline(run.runId().value());
        List<TimelineEntry> blocks = timeline.stream().filter(e -> e.type() == TimelineEntry.Type.BLOCK).toList();
        assertThat(blocks).extracting(TimelineEntry::label).startsWith(blockLabels);
        assertThat(blocks).allSatisfy(b -> assertThat(b.status()).isEqualTo("completed"));
        TimelineEntry login = blocks.get(0);
        List<TimelineEntry> steps = login.children().stream().filter(e -> e.type() == TimelineEntry.Type.STEP).toList();
        assertThat(steps).as("steps of the login block").isNotEmpty();
        List<TimelineEntry> loginActions = steps.stream().flatMap(s -> s.children().stream())
                .filter(e -> e.type() == TimelineEntry.Type.ACTION).toList();
        assertThat(loginActions).as("actions of the login steps").extracting(TimelineEntry::label)
                .contains("input_text", "click");
        Set<String> actionShots = rover.getRunArtifacts(run.runId().value(), ArtifactType.SCREENSHOT_ACTION).stream()
                .map(ArtifactRecord::artifactId).collect(Collectors.toSet());
        List<TimelineEntry> actions = flatten(timeline).filter(e -> e.type() == TimelineEntry.Type.ACTION).toList();
        assertThat(actions).isNotEmpty().allSatisfy(a -> assertThat(a.status()).as("action %s", a.label()).isEqualTo("success"));
        List<TimelineEntry> stepsWithActions = flatten(timeline).filter(e -> e.type() == TimelineEntry.Type.STEP)
                .filter(s -> s.children().stream().anyMatch(c -> c.type() == TimelineEntry.Type.ACTION)).toList();
        assertThat(stepsWithActions).isNotEmpty().allSatisfy(s -> {
            List<TimelineEntry> stepActions = s.children().stream().filter(c -> c.type() == TimelineEntry.Type.ACTION).toList();
            assertThat(stepActions.get(stepActions.size() - 1).artifactIds()).as("screenshot after the last action of %s", s.label())
                    .anyMatch(actionShots::contains);
        });
    }

    /** Asserts the run kept action and final screenshots (PNG or JPEG), the recording (a zip) and the report (HTML). */
    static void assertArtifacts(Rover rover, Run run) {
        String id = run.runId().value();
        List<ArtifactRecord> actionShots = rover.getRunArtifacts(id, ArtifactType.SCREENSHOT_ACTION);
        assertThat(actionShots).isNotEmpty().allSatisfy(a -> assertThat(isImage(read(rover, a))).as(a.uri()).isTrue());
        assertThat(rover.getRunArtifacts(id, ArtifactType.SCREENSHOT_FINAL)).singleElement()
                .satisfies(a -> assertThat(isImage(read(rover, a))).isTrue());
        assertThat(rover.getRunArtifacts(id, ArtifactType.RECORDING)).singleElement().satisfies(a -> {
            byte[] zip = read(rover, a);
            assertThat(zip.length).isGreaterThan(4);
            assertThat(new String(zip, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");
            assertThat(run.recordingUrl()).isEqualTo(a.uri());
        });
        assertThat(rover.getRunArtifacts(id, ArtifactType.REPORT)).singleElement()
                .satisfies(a -> assertThat(new String(read(rover, a), java.nio.charset.StandardCharsets.UTF_8))
                        .contains("<html").contains(id));
        assertThat(rover.reportPath(id)).get().satisfies(p -> assertThat(p).isRegularFile());
        assertThat(run.screenshotUrls()).isNotEmpty();
    }

    static byte[] read(Rover rover, ArtifactRecord artifact) {
        try {
            return rover.readArtifact(artifact);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read artifact " + artifact.uri(), e);
        }
    }

    private static boolean isImage(byte[] b) {
        boolean png = b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        boolean jpeg = b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8;
        return png || jpeg;
    }
}
