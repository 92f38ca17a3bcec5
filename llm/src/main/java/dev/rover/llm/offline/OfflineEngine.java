package dev.rover.llm.offline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.rover.core.engine.ActionRecord;
import dev.rover.core.engine.DecideRequest;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.Engine;
import dev.rover.core.engine.ExtractRequest;
import dev.rover.core.engine.Extraction;
import dev.rover.core.engine.Usage;
import dev.rover.core.engine.Verification;
import dev.rover.core.engine.VerifyRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine that runs when no language model is configured: deterministic, no network, no cost.
 * It follows explicit instructions ("click \"Filter\"", "enter \"2024-01-01\" into From date"),
 * logs in with credential placeholders, fills JSON schemas from labels and tables, and checks the
 * completion criteria it can read; whatever it cannot interpret it refuses with a reason, never a guess.
 */
public final class OfflineEngine implements Engine {

    /** The registry name of this engine. */
    public static final String NAME = "offline";

    private static final Logger LOG = LoggerFactory.getLogger(OfflineEngine.class);

    /** Creates the engine; it holds no resources. */
    public OfflineEngine() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /** It matches instructions against the element list (labels, values, options), not against a prompt. */
    @Override
    public boolean readsEveryElement() {
        return true;
    }

    @Override
    public Decision decide(DecideRequest request) {
        Decision decision = DecisionPlanner.decide(request);
        LOG.debug("offline decision {} with {} action(s): {}", decision.state(), decision.actions().size(), decision.reasoning());
        return decision;
    }

    @Override
    public Extraction extract(ExtractRequest request) {
        if (request.page() == null) {
            return new Extraction(JsonNodeFactory.instance.objectNode(), "No page snapshot to extract from", Usage.ZERO);
        }
        SchemaExtractor.Result result = SchemaExtractor.extract(request.schema(), request.page());
        String reasoning = result.notes().isEmpty()
                ? "Filled from the page's labels, headings and tables"
                : "Filled from the page's labels, headings and tables; " + String.join("; ", result.notes());
        LOG.debug("offline extraction: {}", reasoning);
        return new Extraction(result.data(), reasoning, Usage.ZERO);
    }

    @Override
    public Verification verify(VerifyRequest request) {
        if (request.page() == null) {
            return new Verification(Verification.Status.UNKNOWN, "No page snapshot to verify against", Usage.ZERO);
        }
        List<String> criteria = new ArrayList<>();
        if (request.completeCriterion() != null && !request.completeCriterion().isBlank()) {
            criteria.add(request.completeCriterion());
        } else {
            ParsedGoal goal = GoalParser.parse(request.goal());
            criteria.addAll(goal.completeCriteria());
            if (criteria.isEmpty() && goal.hasLogin()) {
                criteria.add("logged in");
            }
        }
        if (criteria.isEmpty()) {
            return new Verification(Verification.Status.UNKNOWN, "The goal states no completion criterion the offline engine can check. "
                    + LlmAdvice.HOW_TO_CONFIGURE, Usage.ZERO);
        }
        boolean downloaded = request.history().stream().map(ActionRecord::result)
                .anyMatch(r -> r != null && !r.downloads().isEmpty());
        List<String> reasons = new ArrayList<>();
        for (String criterion : criteria) {
            CriterionChecker.Judgement j = CriterionChecker.judge(criterion, request.page(), downloaded);
            if (!j.known()) {
                return new Verification(Verification.Status.UNKNOWN, j.reason(), Usage.ZERO);
            }
            if (!j.met()) {
                return new Verification(Verification.Status.NOT_ACHIEVED, "\"" + criterion + "\" is not met: " + j.reason(), Usage.ZERO);
            }
            reasons.add(j.reason());
        }
        return new Verification(Verification.Status.ACHIEVED, String.join("; ", reasons), Usage.ZERO);
    }
}
