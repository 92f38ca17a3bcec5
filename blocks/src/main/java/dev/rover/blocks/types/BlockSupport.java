package dev.rover.blocks.types;

import dev.rover.blocks.agent.AgentGoal;
import dev.rover.blocks.agent.AgentLoop;
import dev.rover.blocks.agent.AgentOutcome;
import dev.rover.blocks.agent.AgentServices;
import dev.rover.blocks.replay.CachedBlocks;
import dev.rover.core.exec.RunServices;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockStatus;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.DownloadedFile;
import dev.rover.core.engine.Engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pieces Rover's AI blocks share: reading the runtime, building goals, turning outcomes into results. */
final class BlockSupport {

    private BlockSupport() {
    }

    /**
     * The engine for a block: its {@code engine} (else the run's), calling its {@code model} (else the run's,
     * which is the run options' or the workflow's, else the engine's configured model).
     */
    static Engine engine(BlockDefinition block, BlockContext context) {
        String name = block.string("engine").filter(s -> !s.isBlank()).orElse(null);
        return context.services().engine(name, block.modelName());
    }

    /** Navigates to the block's {@code url} unless it is empty (empty = stay on the current page). */
    static String navigateIfUrl(BlockDefinition block, RunServices runtime) {
        String url = block.string("url").map(String::trim).orElse("");
        if (url.isEmpty()) {
            return null;
        }
        // in a run that replays, the workflow's own navigation is as deterministic as the replay after it
        ActionResult r = runtime.scripts().replay() ? runtime.browser().replaying(() -> runtime.browser().navigate(url))
                : runtime.browser().navigate(url);
        return r.success() ? null : runtime.secrets().redact(openFailure(url, r.failureReason()));
    }

    /** Why a URL could not be opened, saying "could not open" and the URL once: the browser's reason may already. */
    static String openFailure(String url, String reason) {
        return reason != null && reason.startsWith("could not open ") ? reason : "could not open " + url + ": " + reason;
    }

    /** The values the engine may use: the block's {@code parameter_keys}, from the run's values. */
    static Map<String, Object> userDetails(BlockDefinition block, BlockContext context) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (Object key : block.list("parameter_keys")) {
            String k = String.valueOf(key);
            Object v = context.values().get(k);
            if (v != null) {
                details.put(k, v);
            }
        }
        return details;
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> errorCodes(BlockDefinition block, BlockContext context) {
        Map<String, String> codes = new LinkedHashMap<>(context.workflow().errorCodeMapping());
        block.map("error_code_mapping").forEach((k, v) -> codes.put(k, String.valueOf(v)));
        return codes;
    }

    static int maxSteps(BlockDefinition block, RunServices runtime, int defaultSteps) {
        if (runtime.settings().maxStepsPerBlock() != null) {
            return runtime.settings().maxStepsPerBlock();
        }
        long v = BlockFields.integer(block, "max_steps_per_run", defaultSteps);
        return (int) Math.max(1, v);
    }

    /** A goal builder with the fields navigation-like blocks share. */
    static AgentGoal.Builder goal(BlockDefinition block, BlockContext context, RunServices runtime, String goalText, int defaultSteps) {
        return AgentGoal.builder(block.label(), goalText)
                .completeCriterion(block.string("complete_criterion").filter(s -> !s.isBlank()).orElse(null))
                .terminateCriterion(block.string("terminate_criterion").filter(s -> !s.isBlank()).orElse(null))
                .errorCodeMapping(errorCodes(block, context))
                .userDetails(userDetails(block, context))
                .maxSteps(maxSteps(block, runtime, defaultSteps))
                .verifyCompletion(BlockFields.bool(block, "complete_verification", true))
                .historyInVerification(BlockFields.bool(block, "include_action_history_in_verification", runtime.settings().historyInVerification()))
                .completeOnDownload(BlockFields.bool(block, "complete_on_download", false))
                .downloadSuffix(block.string("download_suffix").filter(s -> !s.isBlank()).orElse(null))
                .maxScreenshotScrolls(runtime.settings().maxScreenshotScrolls())
                .systemPrompt(runtime.settings().systemPrompt());
    }

    /**
     * Runs the agent loop, again up to {@code max_retries} times while it fails; a cacheable block (every caller but
     * task_v2, whose planner runs several goals under one label) replays its script instead when the run asks for it
     * ({@link CachedBlocks}).
     */
    static AgentOutcome runAgent(BlockDefinition block, BlockContext context, RunServices runtime, AgentGoal goal) {
        Engine engine = BlockSupport.engine(block, context);
        AgentServices services = new AgentServices(engine, runtime.browser(), runtime.secrets(), runtime.artifacts(),
                ContextTimeline.stepSink(context), context.cancellation(), context.deadline(), runtime.clock());
        if ("task_v2".equals(block.blockType())) {
            return runLoop(block, context, services, goal);
        }
        return CachedBlocks.run(block, context, services, goal, () -> runLoop(block, context, services, goal));
    }

    private static AgentOutcome runLoop(BlockDefinition block, BlockContext context, AgentServices services, AgentGoal goal) {
        long retries = Math.max(0, BlockFields.integer(block, "max_retries", 0));
        AgentOutcome outcome = null;
        // a retry goes on from the page the failed attempt left: a script needs every attempt's actions
        List<dev.rover.core.engine.ActionRecord> performed = new java.util.ArrayList<>();
        for (long attempt = 0; attempt <= retries; attempt++) {
            outcome = new AgentLoop(services).run(goal);
            performed.addAll(outcome.performed());
            ContextTimeline.addSteps(context, outcome.steps());
            if (outcome.status() != BlockStatus.FAILED) {
                break;
            }
        }
        return outcome.withPerformed(performed);
    }

    /** The block result for an agent outcome; a completed one gets {@code output}. */
    static BlockResult result(AgentOutcome outcome, Object output) {
        return switch (outcome.status()) {
            case COMPLETED -> BlockResult.completed(output);
            case TERMINATED -> BlockResult.terminated(outcome.reason(), outcome.errorCodes()).withOutput(output);
            case CANCELED -> BlockResult.canceled();
            case TIMED_OUT -> BlockResult.timedOut(outcome.reason());
            default -> BlockResult.failed(outcome.reason()).withOutput(output);
        };
    }

    /** The standard output of a navigation-like block. */
    static Map<String, Object> navigationOutput(AgentOutcome outcome) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", outcome.status().wireName());
        out.put("reason", outcome.reason());
        out.put("url", outcome.finalUrl());
        out.put("steps", outcome.steps());
        List<String> files = outcome.downloads().stream().map(DownloadedFile::name).toList();
        if (!files.isEmpty()) {
            out.put("downloaded_files", files);
        }
        return out;
    }
}
