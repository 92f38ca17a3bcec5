package dev.rover.blocks.types;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.blocks.agent.AgentGoal;
import dev.rover.blocks.agent.AgentOutcome;
import dev.rover.blocks.agent.AgentServices;
import dev.rover.blocks.agent.Extractor;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.engine.Engine;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockStatus;
import dev.rover.core.exec.BlockType;
import dev.rover.core.exec.RunServices;
import dev.rover.core.json.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code task_v2}: a free-form {@code prompt} that an LLM first splits into ordered navigation and
 * extraction steps (at most {@code max_iterations}, default 10), which then run with the agent loop
 * (each navigation at most {@code max_steps} steps) and the extractor. Needs an LLM engine: the
 * offline engine cannot plan free text, and the block says so naming itself.
 */
public final class TaskV2Block implements BlockType {

    static final int DEFAULT_MAX_ITERATIONS = 10;

    @Override
    public String type() {
        return "task_v2";
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) {
        String prompt = block.string("prompt").map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        if (prompt == null) {
            return BlockResult.failed("task_v2 block '" + block.label() + "' has no prompt");
        }
        Engine engine = BlockSupport.engine(block, context);
        if ("offline".equals(engine.name())) {
            return BlockResult.failed("task_v2 block '" + block.label() + "' needs an LLM to plan its prompt, and the "
                    + "offline engine cannot: configure a provider (ROVER_LLM_PROVIDER, ROVER_LLM_MODEL and its API key) "
                    + "or rewrite the block as navigation and extraction blocks");
        }
        long maxIterations = BlockFields.integer(block, "max_iterations", DEFAULT_MAX_ITERATIONS);
        if (maxIterations < 1) {
            return BlockResult.failed("task_v2 block '" + block.label() + "': max_iterations must be at least 1, found " + maxIterations);
        }
        RunServices runtime = context.services();
        String navError = BlockSupport.navigateIfUrl(block, runtime);
        if (navError != null) {
            return BlockResult.failed(navError);
        }
        AgentServices services = new AgentServices(engine, runtime.browser(), runtime.secrets(), runtime.artifacts(),
                ContextTimeline.stepSink(context), context.cancellation(), context.deadline(), runtime.clock());
        Map<String, Object> details = BlockSupport.userDetails(block, context);
        Extractor.Result plan = new Extractor(services).extract(block.label(), planningGoal(prompt, maxIterations),
                planSchema(maxIterations), details, 1);
        ContextTimeline.addSteps(context, 1);
        if (!plan.ok()) {
            return BlockResult.failed("task_v2 block '" + block.label() + "' could not plan its prompt: " + plan.failure());
        }
        List<Map<String, Object>> steps = steps(plan.data());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("plan", steps);
        List<Object> results = new ArrayList<>();
        out.put("results", results);
        Object extracted = null;
        for (int i = 0; i < steps.size(); i++) {
            if (context.cancellation().isCanceled()) {
                return BlockResult.canceled();
            }
            Map<String, Object> step = steps.get(i);
            String goal = String.valueOf(step.get("goal"));
            String where = "task_v2 block '" + block.label() + "', step " + (i + 1) + " (" + step.get("type") + ": " + goal + ")";
            if ("extraction".equals(step.get("type"))) {
                Extractor.Result data = new Extractor(services).extract(block.label(), goal, null, details, i + 2);
                ContextTimeline.addSteps(context, 1);
                if (!data.ok()) {
                    return BlockResult.failed(where + " failed: " + data.failure()).withOutput(runtime.secrets().redactDeep(out));
                }
                extracted = runtime.secrets().redactDeep(Json.mapper().convertValue(data.data(), Object.class));
                results.add(extracted);
                continue;
            }
            AgentGoal agentGoal = BlockSupport.goal(block, context, runtime, goal,
                    (int) BlockFields.integer(block, "max_steps", AgentGoal.DEFAULT_MAX_STEPS)).build();
            AgentOutcome outcome = BlockSupport.runAgent(block, context, runtime, agentGoal);
            results.add(BlockSupport.navigationOutput(outcome));
            if (outcome.status() != BlockStatus.COMPLETED) {
                BlockResult r = BlockSupport.result(outcome, out);
                return new BlockResult(r.status(), runtime.secrets().redactDeep(out), where + " did not complete: "
                        + outcome.reason(), r.errorCodes(), null);
            }
        }
        out.put("extracted_information", extracted);
        return BlockResult.completed(runtime.secrets().redactDeep(out));
    }

    private static String planningGoal(String prompt, long maxSteps) {
        return "Plan how to do this task in the web browser, starting from the current page. Task: " + prompt
                + "\nSplit it into at most " + maxSteps + " ordered steps. Each step is either type \"navigation\" "
                + "(a goal to reach by acting on pages: clicking, typing, opening links) or type \"extraction\" (data to "
                + "read from the page the previous steps reached). When the task asks for information, end with an "
                + "extraction step. Return the steps only; do not do them.";
    }

    private static Map<String, Object> planSchema(long maxSteps) {
        Map<String, Object> step = Map.of("type", "object", "required", List.of("type", "goal"),
                "properties", Map.of("type", Map.of("type", "string", "enum", List.of("navigation", "extraction")),
                        "goal", Map.of("type", "string", "minLength", 1)));
        return Map.of("type", "object", "required", List.of("steps"), "properties",
                Map.of("steps", Map.of("type", "array", "minItems", 1, "maxItems", maxSteps, "items", step)));
    }

    private static List<Map<String, Object>> steps(JsonNode data) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (JsonNode step : data.path("steps")) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("type", step.path("type").asText());
            s.put("goal", step.path("goal").asText());
            steps.add(s);
        }
        return steps;
    }
}
