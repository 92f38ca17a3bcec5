package dev.rover.llm.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.engine.DecideRequest;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.GoalState;
import dev.rover.core.engine.PlannedAction;
import dev.rover.core.engine.Usage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a model's decide answer ({@code {user_goal_achieved, action_plan, actions:[...]}}) into a
 * {@link Decision} and rejects answers that cannot be acted on, listing every problem so the
 * corrective re-ask can name them. A {@code complete} or {@code terminate} action sets the goal
 * state; browser actions listed before it are kept and run first. {@code user_goal_achieved: true}
 * completes only when no browser action is given; otherwise the actions run and verification judges.
 */
public final class ResponseParser {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseParser.class);

    /**
     * The decision in this answer, with zero usage (the caller adds what the call cost).
     *
     * @throws InvalidAnswerException listing what is wrong with the answer
     */
    public Decision parseDecision(String answer, DecideRequest request) {
        JsonNode root = LenientJson.parse(answer);
        JsonNode actionsNode = root.isArray() ? root : root.get("actions");
        if (!root.isArray() && !root.isObject()) {
            throw new InvalidAnswerException("the answer must be a JSON object with \"actions\"");
        }
        boolean achieved = root.isObject() && root.path("user_goal_achieved").asBoolean(false);
        String plan = root.isObject() ? ActionReader.text(root, "action_plan")
                .or(() -> ActionReader.text(root, "reasoning")).orElse("") : "";
        List<String> problems = new ArrayList<>();
        if (actionsNode != null && !actionsNode.isNull() && !actionsNode.isArray()) {
            problems.add("\"actions\" must be a list");
        }
        ActionReader reader = new ActionReader(request.page());
        List<PlannedAction> planned = new ArrayList<>();
        GoalState state = GoalState.CONTINUE;
        String verdictReason = "";
        Set<String> errorCodes = new LinkedHashSet<>();
        int position = 0;
        if (actionsNode != null && actionsNode.isArray()) {
            for (JsonNode action : actionsNode) {
                position++;
                if (!action.isObject()) {
                    problems.add("action " + position + ": must be a JSON object");
                    continue;
                }
                String type = ActionReader.typeOf(action);
                String reasoning = ActionReader.text(action, "reasoning").orElse("");
                if (type.equals("complete")) {
                    state = GoalState.COMPLETE;
                    verdictReason = reasoning;
                    break;
                }
                if (type.equals("terminate")) {
                    state = GoalState.TERMINATE;
                    verdictReason = reasoning;
                    errorCodes.addAll(errorCodes(action, request, position, problems));
                    break;
                }
                Optional<BrowserAction> read = reader.read(action, position, problems);
                read.ifPresent(a -> planned.add(new PlannedAction(a, reasoning)));
            }
        }
        if (state == GoalState.CONTINUE && planned.isEmpty() && problems.isEmpty()) {
            if (achieved) {
                state = GoalState.COMPLETE;
            } else {
                problems.add("the answer has no actions; give at least one action, or a complete or terminate action");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidAnswerException(problems);
        }
        List<PlannedAction> kept = planned;
        if (request.singleAction() && planned.size() > 1) {
            LOG.warn("an action block wants one action but the model gave {}; keeping the first: {}",
                    planned.size(), planned.get(0).action().actionType());
            kept = List.of(planned.get(0));
        }
        String reasoning = !plan.isBlank() ? plan : verdictReason;
        if (reasoning.isBlank()) {
            reasoning = String.join(" ", kept.stream().map(PlannedAction::reasoning).filter(r -> !r.isBlank()).toList());
        }
        return new Decision(kept, reasoning, state, List.copyOf(errorCodes), Usage.ZERO);
    }

    private static List<String> errorCodes(JsonNode terminate, DecideRequest request, int position, List<String> problems) {
        List<String> codes = new ArrayList<>();
        JsonNode errors = terminate.get("errors");
        if (errors != null && errors.isArray()) {
            errors.forEach(e -> {
                String code = e.isObject() ? e.path("error_code").asText("") : e.asText("");
                if (!code.isBlank()) {
                    codes.add(code.trim());
                }
            });
        }
        JsonNode list = terminate.get("error_codes");
        if (list != null && list.isArray()) {
            list.forEach(c -> codes.add(c.asText().trim()));
        }
        ActionReader.text(terminate, "error_code").filter(c -> !c.isBlank()).ifPresent(c -> codes.add(c.trim()));
        if (!request.errorCodeMapping().isEmpty()) {
            for (String code : codes) {
                if (!request.errorCodeMapping().containsKey(code)) {
                    problems.add("action " + position + " (terminate): error code \"" + code + "\" is not one of "
                            + String.join(", ", new java.util.TreeSet<>(request.errorCodeMapping().keySet())));
                }
            }
        }
        return codes;
    }
}
