package dev.rover.samples.replay;

import dev.rover.Rover;
import dev.rover.WorkflowRunOptions;
import dev.rover.browser.bench.QuietMachine;
import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowLoader;
import dev.rover.core.engine.DecideRequest;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.Engine;
import dev.rover.core.engine.ExtractRequest;
import dev.rover.core.engine.Extraction;
import dev.rover.core.engine.Verification;
import dev.rover.core.engine.VerifyRequest;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.ScriptRun;
import dev.rover.llm.offline.OfflineEngine;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code rover bench replay}: a 10-action form flow on a local page, in one process. The agent runs it once with the
 * offline engine (recording its script), Rover replays the script several times, and a hand-written Playwright for
 * Java program does the same ten actions as often, in a context made before its timing started, as Rover's shared
 * browser makes its next run's context between runs (the baseline of the ratio), and in one made in the run (printed
 * alongside); each timed run starts on a quiet machine ({@link QuietMachine}). Then the page changes (two buttons trade ids), the replay must
 * fall back to the agent and heal, and the next replay must make no engine call. Ends with
 * {@code RESULT replay_ratio=... engine_calls_in_replay=... healed=...}.
 */
public final class ReplayBenchmark {

    /** Untimed replays and hand-written runs before the timed ones. */
    private static final int WARM_UP_RUNS = 5;

    private final int runs;
    private final Path dataDirectory;
    private final AtomicInteger engineCalls = new AtomicInteger();

    /**
     * @param runs          timed replays and hand-written runs (the median of each is compared)
     * @param dataDirectory where the benchmark's Rover keeps its runs (a fresh folder)
     */
    public ReplayBenchmark(int runs, Path dataDirectory) {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
        }
        this.runs = runs;
        this.dataDirectory = dataDirectory;
    }

    /** What the benchmark measured. */
    public record Result(double agentSeconds, double replaySeconds, double plainSeconds, int engineCallsInReplay, boolean healed) {
        public double replayRatio() {
            return replaySeconds / plainSeconds;
        }
    }

    public Result run(PrintStream out) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : ReplayFormServer.FIELDS) {
            values.put(field, field.replace('_', ' ') + " of Ada");
        }
        try (ReplayFormServer server = new ReplayFormServer();
             Rover rover = Rover.builder().dataDirectory(dataDirectory).defaultEngine("bench")
                     .engine("bench", () -> new CountingEngine(new OfflineEngine(), engineCalls)).build();
             HandWrittenForm plain = new HandWrittenForm()) {
            Workflow workflow = new WorkflowLoader().load(definition(server.url()), "bench-replay.yaml");
            Map<String, Object> parameters = new LinkedHashMap<>(values);

            long start = System.nanoTime();
            Run agent = expect(rover.runWorkflow(workflow, parameters, WorkflowRunOptions.waiting()), ScriptRun.Mode.AGENT, "the agent run");
            double agentSeconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "agent run (offline engine, recording):  %.3f s, %d engine calls, script %s%n", agentSeconds,
                    engineCalls.get(), agent.scriptRun().scriptId());

            // both sides warm up alike, so the timed runs compare steady states, as in a long-lived process
            for (int i = 0; i < WARM_UP_RUNS; i++) {
                expect(rover.runWorkflow(workflow, parameters, WorkflowRunOptions.waiting()), ScriptRun.Mode.REPLAYED, "warm-up replay");
                plain.run(server.url(), values);
                plain.runInContextMadeAhead(server.url(), values);
            }
            int callsBefore = engineCalls.get();
            List<Double> replays = new ArrayList<>();
            List<Double> handWritten = new ArrayList<>();
            List<Double> handWrittenAhead = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                // each side starts on a quiet machine: Rover makes the next run's context between runs, and neither
                // side's renderer, just made or closed, may slow the other's timing
                QuietMachine.await();
                long t = System.nanoTime();
                expect(rover.runWorkflow(workflow, parameters, WorkflowRunOptions.waiting()), ScriptRun.Mode.REPLAYED, "replay " + (i + 1));
                replays.add((System.nanoTime() - t) / 1e9);
                QuietMachine.await();
                handWritten.add(plain.run(server.url(), values));
                QuietMachine.await();
                handWrittenAhead.add(plain.runInContextMadeAhead(server.url(), values));
            }
            int callsInReplay = engineCalls.get() - callsBefore;
            QuietMachine.await();
            Run last = rover.runWorkflow(workflow, parameters, WorkflowRunOptions.waiting());
            out.println("where a replayed run's time goes: " + phases(rover, last));
            double replay = median(replays);
            double handPerRun = median(handWritten);
            double hand = median(handWrittenAhead);
            out.printf(Locale.ROOT, "replay (whole run, %d runs, median):     %.3f s, %d engine calls%n", runs, replay, callsInReplay);
            out.printf(Locale.ROOT, "hand-written Playwright (median):        %.3f s, in a context made before its timing, as"
                    + " Rover's shared browser makes its next run's context between runs%n", hand);
            out.printf(Locale.ROOT, "hand-written, context made in the run:   %.3f s (replay / this: %.2f)%n", handPerRun,
                    replay / handPerRun);

            server.changed(true);
            Run healing = rover.runWorkflow(workflow, parameters, WorkflowRunOptions.waiting());
            boolean fellBack = healing.status() == RunStatus.COMPLETED && healing.scriptRun() != null
                    && healing.scriptRun().aiFallbackTriggered();
            out.printf(Locale.ROOT, "changed page: %s%s%n", healing.status().wireName(), healing.scriptRun() == null ? ""
                    : " - " + healing.scriptRun().blocks().get(0).mode().wireName() + ": " + healing.scriptRun().blocks().get(0).reason());
            int beforeHealed = engineCalls.get();
            Run healed = rover.runWorkflow(workflow, parameters, WorkflowRunOptions.waiting());
            boolean replayedClean = healed.status() == RunStatus.COMPLETED && engineCalls.get() == beforeHealed
                    && healed.scriptRun().blocks().get(0).mode() == ScriptRun.Mode.REPLAYED;
            out.printf(Locale.ROOT, "next replay of the healed script: %s, %d engine calls%n", healed.status().wireName(),
                    engineCalls.get() - beforeHealed);
            out.printf(Locale.ROOT, "complete submissions received: %d%n", server.completeSubmissions());
            Result result = new Result(agentSeconds, replay, hand, callsInReplay, fellBack && replayedClean);
            out.printf(Locale.ROOT, "RESULT replay_ratio=%.2f engine_calls_in_replay=%d healed=%d%n", result.replayRatio(),
                    result.engineCallsInReplay(), result.healed() ? 1 : 0);
            return result;
        }
    }

    private static Run expect(Run run, ScriptRun.Mode mode, String what) {
        if (run.status() != RunStatus.COMPLETED || run.scriptRun() == null || run.scriptRun().blocks().isEmpty()
                || run.scriptRun().blocks().get(0).mode() != mode) {
            throw new IllegalStateException(what + " did not complete as " + mode.wireName() + ": " + run.status().wireName()
                    + (run.failureReason() == null ? "" : " - " + run.failureReason())
                    + (run.scriptRun() == null || run.scriptRun().blocks().isEmpty() ? "" : " (" + run.scriptRun().blocks().get(0) + ")"));
        }
        return run;
    }

    private static String definition(String url) {
        StringBuilder goal = new StringBuilder();
        StringBuilder parameters = new StringBuilder();
        for (String field : ReplayFormServer.FIELDS) {
            String label = field.substring(0, 1).toUpperCase() + field.substring(1).replace('_', ' ');
            goal.append("        Enter \"{{ ").append(field).append(" }}\" into \"").append(label).append("\".\n");
            parameters.append("    - {key: ").append(field).append(", parameter_type: workflow, workflow_parameter_type: string}\n");
        }
        return "title: Replay benchmark\nrun_with: code\nworkflow_definition:\n  parameters:\n" + parameters
                + "  blocks:\n    - block_type: navigation\n      label: apply\n      url: " + url + "\n"
                + "      navigation_goal: |\n" + goal
                + "        Select \"Pro\" from \"Plan\".\n        Check \"I accept the terms\".\n"
                + "        Click the \"Send application\" button.\n";
    }

    /** Queue to start, the replay itself, and the end of the run (final screenshot, recording, report, store). */
    private static String phases(Rover rover, Run run) {
        java.time.Instant blockStart = null;
        java.time.Instant blockEnd = null;
        java.time.Instant replayStart = null;
        java.time.Instant replayEnd = null;
        for (dev.rover.core.run.TimelineEntry block : rover.getRunTimeline(run.runId())) {
            blockStart = block.startedAt();
            blockEnd = block.finishedAt();
            for (dev.rover.core.run.TimelineEntry step : block.children()) {
                replayStart = step.startedAt();
                replayEnd = step.finishedAt();
            }
        }
        if (blockStart == null || replayStart == null) {
            return "no timeline";
        }
        return String.format(Locale.ROOT, "created to started %d ms, started to block %d ms, block to replay %d ms, replay %d ms,"
                        + " after replay to block end %d ms, block end to finished %d ms",
                ms(run.createdAt(), run.startedAt()), ms(run.startedAt(), blockStart), ms(blockStart, replayStart),
                ms(replayStart, replayEnd), ms(replayEnd, blockEnd), ms(blockEnd, run.finishedAt()));
    }

    private static long ms(java.time.Instant from, java.time.Instant to) {
        return from == null || to == null ? -1 : java.time.Duration.between(from, to).toMillis();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The offline engine, counting every call the benchmark's runs make to it. */
    private record CountingEngine(Engine engine, AtomicInteger calls) implements Engine {
        @Override
        public String name() {
            return "bench";
        }

        @Override
        public boolean readsEveryElement() {
            return engine.readsEveryElement();
        }

        @Override
        public Decision decide(DecideRequest request) {
            calls.incrementAndGet();
            return engine.decide(request);
        }

        @Override
        public Extraction extract(ExtractRequest request) {
            calls.incrementAndGet();
            return engine.extract(request);
        }

        @Override
        public Verification verify(VerifyRequest request) {
            calls.incrementAndGet();
            return engine.verify(request);
        }
    }
}
