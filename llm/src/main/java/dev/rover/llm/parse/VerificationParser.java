package dev.rover.llm.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.core.engine.Usage;
import dev.rover.core.engine.Verification;

import java.util.Locale;

/**
 * Reads a verify answer ({@code {"status": "achieved" | "not_achieved" | "impossible", "reason": ...}},
 * or Skyvern's {@code user_goal_achieved} boolean) into a {@link Verification}.
 */
public final class VerificationParser {

    /**
     * The verification in this answer, with zero usage.
     *
     * @throws InvalidAnswerException when the answer has neither a known status nor user_goal_achieved
     */
    public Verification parse(String answer) {
        JsonNode root = LenientJson.parse(answer);
        if (!root.isObject()) {
            throw new InvalidAnswerException("the answer must be a JSON object with \"status\" and \"reason\"");
        }
        String reason = ActionReader.text(root, "reason").or(() -> ActionReader.text(root, "reasoning")).orElse("");
        String status = ActionReader.text(root, "status").orElse("").trim().toLowerCase(Locale.ROOT).replace(' ', '_');
        Verification.Status parsed = switch (status) {
            case "achieved", "complete", "completed" -> Verification.Status.ACHIEVED;
            case "not_achieved", "not_yet", "in_progress" -> Verification.Status.NOT_ACHIEVED;
            case "impossible", "terminate", "terminated" -> Verification.Status.IMPOSSIBLE;
            default -> null;
        };
        if (parsed == null && root.has("user_goal_achieved")) {
            parsed = root.get("user_goal_achieved").asBoolean(false)
                    ? Verification.Status.ACHIEVED : Verification.Status.NOT_ACHIEVED;
        }
        if (parsed == null) {
            throw new InvalidAnswerException("\"status\" must be one of achieved, not_achieved, impossible"
                    + (status.isEmpty() ? " and is missing" : ", got \"" + status + "\""));
        }
        return new Verification(parsed, reason, Usage.ZERO);
    }
}
