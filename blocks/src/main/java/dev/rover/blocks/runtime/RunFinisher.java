package dev.rover.blocks.runtime;


import dev.rover.browser.run.RunBrowserLease;
import dev.rover.blocks.report.RunReport;
import dev.rover.core.page.DownloadedFile;
import dev.rover.core.page.RunBrowser;
import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.FileInfo;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunType;
import dev.rover.core.store.ArtifactStore;
import dev.rover.core.store.RunFolders;
import dev.rover.core.store.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Completes a run's record once the executor has ended it: the final screenshot, the recording
 * (Playwright trace), downloaded files with checksums, screenshot URLs (most recent first), the
 * redacted output, and the HTML report. Each piece is best effort: a failure to produce one is
 * logged and the run keeps everything else.
 */
final class RunFinisher {

    private static final Logger log = LoggerFactory.getLogger(RunFinisher.class);

    private final RunStore runs;
    private final ArtifactStore files;
    private final RunFolders folders;

    RunFinisher(RunStore runs, ArtifactStore files, RunFolders folders) {
        this.runs = runs;
        this.files = files;
        this.folders = folders;
    }

    /**
     * The record of a run that is ending, with its artifacts gathered and its report written. The caller
     * stores it: nothing here saves the run, so its terminal status reaches the store only complete.
     */
    Run finish(Run ended, RunOfRover resources) {
        StoreArtifacts artifacts = resources.storeArtifacts();
        Run.Builder run = ended.toBuilder();
        RunBrowserLease lease = resources.browserLease();
        Optional<RunBrowser> browser = lease.opened();
        browser.ifPresent(b -> attempt("final screenshot", ended, () -> artifacts.record(ArtifactType.SCREENSHOT_FINAL, null, null,
                "final.png", "image/png", b.screenshot(true, resources.settings().maxScreenshotScrolls()))));
        List<FileInfo> downloaded = new ArrayList<>();
        browser.ifPresent(b -> {
            for (DownloadedFile file : b.downloads()) {
                attempt("download " + file.name(), ended, () -> {
                    ArtifactRecord record = artifacts.recordFile(ArtifactType.DOWNLOAD, null, file.path(), "application/octet-stream");
                    downloaded.add(new FileInfo(file.name(), record.uri(), file.sha256(), file.size()));
                });
            }
        });
        Path recording = folders.recording(ended.runId());
        boolean completed = ended.status() == dev.rover.core.run.RunStatus.COMPLETED;
        String[] noRecording = {lease.whyNoRecording(completed).orElse(null)};
        attempt("recording", ended, () -> {
            if (lease.finish(recording, resources.secrets()::redact, completed)) {
                run.recordingUrl(artifacts.recordFile(ArtifactType.RECORDING, null, recording, "application/zip").uri());
                noRecording[0] = null;
            } else if (noRecording[0] == null) {
                noRecording[0] = "none: the trace could not be written";
            }
        });
        List<String> screenshots = new ArrayList<>(runs.artifacts(ended.runId(),
                EnumSet.of(ArtifactType.SCREENSHOT_ACTION, ArtifactType.SCREENSHOT_FINAL)).stream().map(ArtifactRecord::uri).toList());
        Collections.reverse(screenshots);
        scripts(resources.scriptSession(), run, artifacts, ended);
        run.downloadedFiles(downloaded).screenshotUrls(screenshots)
                .output(resources.secrets().redactDeep(output(ended)))
                .failureReason(ended.failureReason() == null ? null : resources.secrets().redact(ended.failureReason()));
        run.recordingNote(noRecording[0]); // the run response says why there is no recording, as the report does
        return report(run.build(), noRecording[0], resources.secrets()::redact);
    }


    /**
     * The run's {@code run_with}, {@code ai_fallback} and {@code script_run}, and a {@code script_file} artifact with
     * every script the run replayed or recorded.
     */
    private static void scripts(RunScriptSession scripts, Run.Builder run, StoreArtifacts artifacts, Run ended) {
        if (scripts == null) {
            return;
        }
        run.runWith(scripts.replay() ? "code" : "agent").aiFallback(scripts.aiFallback()).scriptRun(scripts.summary());
        attempt("published workflow", ended, () -> run.scriptRun(scripts.summaryPublishing(
                ended.status() == dev.rover.core.run.RunStatus.COMPLETED)));
        List<dev.rover.core.script.BlockScript> used = scripts.scriptsUsed();
        if (!used.isEmpty()) {
            attempt("script file", ended, () -> artifacts.record(ArtifactType.SCRIPT_FILE, null, null, "scripts.yaml",
                    "application/yaml", dev.rover.core.script.ScriptDocuments.yaml(used).getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** A task run's output is its one block's output; a workflow's is the map of block outputs. */
    private static Object output(Run run) {
        if (run.runType().isTask() && run.output() instanceof Map<?, ?> outputs && outputs.size() == 1) {
            return outputs.values().iterator().next();
        }
        return run.output();
    }

    private Run report(Run run, String noRecording, java.util.function.UnaryOperator<String> redact) {
        try {
            String finalShot = runs.artifacts(run.runId(), EnumSet.of(ArtifactType.SCREENSHOT_FINAL)).stream()
                    .reduce((a, b) -> b).map(ArtifactRecord::artifactId).orElse(null);
            String html = RunReport.render(run, runs.timeline(run.runId()), finalShot, noRecording, id -> runs.artifact(id).flatMap(a -> {
                try {
                    return Optional.of(new RunReport.Content(a.contentType(), files.read(a)));
                } catch (IOException e) {
                    log.warn("the report of run {} leaves out artifact {}: {}", run.runId(), id, e.toString());
                    return Optional.empty();
                }
            }), runs.artifacts(run.runId(), java.util.Set.of()));
            ArtifactRecord record = files.put(run.runId(), ArtifactType.REPORT, null, null, "report.html", "text/html",
                    redact.apply(html).getBytes(StandardCharsets.UTF_8));
            runs.addArtifact(record);
            return run.toBuilder().appUrl(record.uri()).build();
        } catch (IOException | RuntimeException e) {
            log.warn("could not write the report of run {}: {}", run.runId(), e.toString());
            return run;
        }
    }


    private static void attempt(String what, Run run, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("run {}: could not record the {}: {}", run.runId(), what, e.toString());
        }
    }
}
