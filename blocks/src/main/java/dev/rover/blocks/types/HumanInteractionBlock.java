package dev.rover.blocks.types;

import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockStatus;
import dev.rover.core.exec.BlockType;
import dev.rover.core.run.HumanDecision;
import dev.rover.core.run.PausedRun;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code human_interaction}: pauses the run until a person approves or rejects it
 * ({@code rover runs resume ID [--reject] [--comment TEXT]} or {@code Rover.resumeRun}, from any process on
 * the run's database), or until {@code timeout_seconds} (default 7200) pass. While paused, the block's
 * output says what is awaited ({@code instructions} and the two descriptors). Approval completes the
 * block with the decision as output; rejection terminates the run; the timeout ends it {@code timed_out}.
 * With {@code recipients}, a notification ({@code sender}, {@code subject}, {@code body}) is first sent
 * through the {@code send_email} machinery, and the block fails when it cannot be sent.
 */
public final class HumanInteractionBlock implements BlockType {

    /** Skyvern's default wait for a person. */
    public static final long DEFAULT_TIMEOUT_SECONDS = 7200;

    static final String DEFAULT_INSTRUCTIONS = "Please review and approve or reject to continue the workflow.";

    @Override
    public String type() {
        return "human_interaction";
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) throws InterruptedException {
        String where = "human_interaction block '" + block.label() + "'";
        long timeoutSeconds = BlockFields.integer(block, "timeout_seconds", DEFAULT_TIMEOUT_SECONDS);
        if (timeoutSeconds < 1) {
            return BlockResult.failed(where + " needs timeout_seconds of at least 1, got " + timeoutSeconds);
        }
        Map<String, Object> notification = null;
        if (!block.list("recipients").isEmpty() || block.string("recipients").filter(s -> !s.isBlank()).isPresent()) {
            BlockResult sent = new SendEmailBlock().execute(block, context);
            if (sent.status() != BlockStatus.COMPLETED) {
                return BlockResult.failed(where + " could not send its notification: " + sent.failureReason());
            }
            notification = Map.of("sent", true, "recipients", ((Map<?, ?>) sent.output()).get("recipients"));
        }
        Instant blockDeadline = Instant.now().plus(Duration.ofSeconds(timeoutSeconds));
        Instant runDeadline = context.deadline();
        boolean runLimitFirst = runDeadline != null && runDeadline.isBefore(blockDeadline);
        Instant until = runLimitFirst ? runDeadline : blockDeadline;

        Map<String, Object> awaiting = new LinkedHashMap<>();
        awaiting.put("status", PausedRun.AWAITING);
        awaiting.put("instructions", text(block, context, "instructions", DEFAULT_INSTRUCTIONS));
        awaiting.put("positive_descriptor", text(block, context, "positive_descriptor", "Approve"));
        awaiting.put("negative_descriptor", text(block, context, "negative_descriptor", "Reject"));
        awaiting.put("timeout_at", until.toString());
        if (notification != null) {
            awaiting.put("notification", notification);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = (Map<String, Object>) context.services().secrets().redactDeep(awaiting);
        Optional<HumanDecision> decision = context.awaitHuman(block.outputKey(), shown, until);
        if (decision.isEmpty()) {
            if (context.cancellation().isCanceled()) {
                return BlockResult.canceled();
            }
            String reason = runLimitFirst
                    ? "the run's time limit expired while it waited for a person to approve or reject"
                    : "nobody approved or rejected it within its timeout_seconds of " + timeoutSeconds + " s";
            return BlockResult.timedOut(reason).withOutput(Map.of("decision", "timed_out",
                    "instructions", shown.get("instructions")));
        }
        HumanDecision d = decision.get();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("decision", d.wireName());
        out.put("approved", d.approved());
        out.put("comment", d.comment());
        out.put("instructions", shown.get("instructions"));
        if (d.approved()) {
            return BlockResult.completed(out);
        }
        return BlockResult.terminated("a person rejected " + where
                + (d.comment() == null ? "" : ": " + d.comment()), List.of()).withOutput(out);
    }

    private static String text(BlockDefinition block, BlockContext context, String field, String fallback) {
        return block.string(field).filter(s -> !s.isBlank()).map(context::render).orElse(fallback);
    }
}
