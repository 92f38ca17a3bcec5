package dev.rover.blocks.replay;

import dev.rover.blocks.agent.ActionDescriptions;
import dev.rover.blocks.agent.AgentGoal;
import dev.rover.blocks.agent.AgentOutcome;
import dev.rover.blocks.agent.AgentServices;
import dev.rover.blocks.agent.CancellableWait;
import dev.rover.core.engine.ActionRecord;
import dev.rover.core.engine.Usage;
import dev.rover.core.engine.Verification;
import dev.rover.core.engine.VerifyRequest;
import dev.rover.core.exec.BlockStatus;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.DownloadedFile;
import dev.rover.core.page.LocatedElement;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.TimelineEntry;
import dev.rover.core.script.BlockScript;
import dev.rover.core.script.ElementIdentity;
import dev.rover.core.script.ScriptAction;
import dev.rover.llm.offline.OfflineCriteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Replays a block's script without the engine. Before each element action it finds the element again by its
 * recorded locator and checks that it is the same control (fingerprint) on the same origin; after the last action
 * it checks the block's {@code complete_criterion} when there is one (offline when the criterion is one a page can
 * answer, else with one verification by the engine). The first difference ends the replay with a reason that names
 * the action and what differed; nothing is guessed.
 */
final class ScriptReplayer {

    /** How long a replay waits for a recorded element to appear (a page still loading after the previous action). */
    static final Duration FIND_WAIT = Duration.ofSeconds(3);

    private static final Duration FIND_POLL = Duration.ofMillis(50);

    private final AgentServices services;
    private final AgentGoal goal;
    private final UnaryOperator<String> render;
    private final ScriptValues values;

    /**
     * @param services the run's browser, secrets, artifacts and timeline, and the engine asked only for a criterion
     *                 a page cannot answer by itself
     * @param render   renders a script value with this run's values
     * @param values   this run's values, replaced by their references in what the page shows before fingerprints are compared
     */
    ScriptReplayer(AgentServices services, AgentGoal goal, UnaryOperator<String> render, ScriptValues values) {
        this.services = services;
        this.goal = goal;
        this.render = render;
        this.values = values;
    }

    /**
     * How a replay ended: an outcome when it completed or was interrupted, else the mismatch that stopped it and how
     * many of the script's actions went through before it.
     */
    record Replay(AgentOutcome outcome, String mismatch, int replayed) {
        boolean completed() {
            return outcome != null && outcome.status() == BlockStatus.COMPLETED;
        }
    }

    Replay replay(BlockScript script) {
        Instant started = services.clock().instant();
        int downloadsBefore = services.browser().downloads().size();
        List<TimelineEntry> children = new ArrayList<>();
        List<ActionRecord> performed = new ArrayList<>();
        Usage usage = Usage.ZERO;
        String mismatch = null;
        boolean shownFailure = false;
        int index = 0;
        for (ScriptAction action : script.actions()) {
            index++;
            BlockStatus interrupted = interruption();
            if (interrupted != null) {
                return new Replay(outcome(interrupted, interrupted == BlockStatus.CANCELED ? "canceled"
                        : "the run's time limit expired while replaying block '" + goal.blockLabel() + "'", performed, downloadsBefore, usage),
                        null, performed.size());
            }
            Instant at = services.clock().instant();
            String which = "action " + index + " (" + action.describe() + ")";
            Optional<LocatedElement> found = Optional.empty();
            if (action.element() != null) {
                found = locate(action.element());
                String difference = found.isEmpty()
                        ? "no element on " + origin(services.browser().currentUrl()) + " matches its locator"
                        : difference(action.element(), found.get());
                if (difference != null) {
                    mismatch = which + ": " + difference;
                    break;
                }
            }
            String value;
            try {
                value = action.value() == null ? null
                        : action.value().contains("{{") || action.value().contains("{%") ? render.apply(action.value()) : action.value();
            } catch (RuntimeException e) {
                mismatch = which + ": its value cannot be rendered for this run: " + e.getMessage();
                break;
            }
            BrowserAction browserAction = ReplayActions.of(action, found.map(LocatedElement::target).orElse(null), value);
            ActionResult result = browserAction instanceof BrowserAction.Wait wait
                    ? CancellableWait.perform(services, wait, goal.downloadSuffix())
                    : services.browser().perform(browserAction, services.secrets()::resolve, goal.downloadSuffix(), goal.downloadTimeout());
            result = new ActionResult(result.success(), redact(result.failureReason()), result.downloads(),
                    result.dialogs().stream().map(this::redact).toList(), result.box(), null);
            performed.add(new ActionRecord(0, browserAction, "replayed " + which, result));
            boolean last = index == script.actions().size() || !result.success();
            children.add(actionEntry(browserAction, which, result, at, last ? screenshot(index) : List.of()));
            if (!result.success()) {
                shownFailure = true; // the failed action's screenshot shows the page
                mismatch = which + " failed: " + result.failureReason();
                break;
            }
        }
        if (mismatch == null && goal.completeOnDownload() && services.browser().downloads().size() <= downloadsBefore) {
            mismatch = "after the last action no file was downloaded, and the block completes on a download";
        }
        if (mismatch == null && goal.completeCriterion() != null) {
            CriterionCheck check = checkCriterion(downloadsBefore);
            usage = usage.plus(check.usage());
            if (!check.met()) {
                mismatch = "after the last action the block's complete_criterion is not met: " + check.reason();
            } else {
                children.add(thought("complete_criterion met: " + check.reason()));
            }
        }
        services.steps().accept(new TimelineEntry(TimelineEntry.Type.STEP, "replay", mismatch == null ? "completed" : "failed",
                Map.of("script_id", script.scriptId(), "revision", script.revision()), redact(mismatch),
                "replayed script " + script.scriptId() + " revision " + script.revision(), started, services.clock().instant(),
                mismatch == null || shownFailure ? List.of() : screenshot("replay-mismatch.png"), children));
        if (mismatch != null) {
            int replayed = (int) performed.stream().filter(r -> r.result().success()).count();
            return new Replay(null, redact(mismatch), replayed);
        }
        return new Replay(outcome(BlockStatus.COMPLETED, "replayed script " + script.scriptId() + " revision " + script.revision()
                + " (" + script.actions().size() + " actions, no engine step)", performed, downloadsBefore, usage), null, performed.size());
    }

    /** Finds the element again, waiting a little for a page that is still loading after the previous action. */
    private Optional<LocatedElement> locate(ElementIdentity element) {
        Instant until = services.clock().instant().plus(FIND_WAIT);
        while (true) {
            Optional<LocatedElement> found;
            try {
                found = services.browser().locate(element.locator());
            } catch (RuntimeException e) {
                found = Optional.empty(); // mid-navigation: the next attempt sees the new page
            }
            if (found.isPresent() || !services.clock().instant().isBefore(until) || services.cancellation().isCanceled()) {
                return found;
            }
            try {
                Thread.sleep(FIND_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** Why the element found is not the one recorded, or null when it is. */
    private String difference(ElementIdentity recorded, LocatedElement found) {
        if (!recorded.origin().isEmpty() && !recorded.origin().equals(found.origin())) {
            return "the element is on " + found.origin() + " but the script acted on " + recorded.origin()
                    + "; a replay never acts on another origin";
        }
        String differs = recorded.fingerprint().differenceFrom(
                ScriptRecording.masked(ScriptRecording.redacted(found.fingerprint(), services.secrets()), values));
        return differs == null ? null : "found by " + found.strategy() + ", but " + differs;
    }

    private record CriterionCheck(boolean met, String reason, Usage usage) {
    }

    private CriterionCheck checkCriterion(int downloadsBefore) {
        PageSnapshot page;
        try {
            page = services.browser().observe(true); // the offline criteria read the element list
        } catch (RuntimeException e) {
            return new CriterionCheck(false, "the page could not be observed: " + redact(String.valueOf(e.getMessage())), Usage.ZERO);
        }
        boolean downloaded = services.browser().downloads().size() > downloadsBefore;
        Optional<OfflineCriteria.Judged> judged = OfflineCriteria.judge(goal.completeCriterion(), page, downloaded);
        if (judged.isPresent()) {
            return new CriterionCheck(judged.get().met(), redact(judged.get().reason()), Usage.ZERO);
        }
        try {
            Verification v = services.engine().verify(new VerifyRequest(goal.goal(), goal.completeCriterion(),
                    dev.rover.blocks.agent.PageRedaction.redact(page, services.secrets()), List.of(), List.of()));
            return new CriterionCheck(v.status() == Verification.Status.ACHIEVED, "the engine judged it " + v.status().name()
                    .toLowerCase(java.util.Locale.ROOT) + (v.reason().isBlank() ? "" : ": " + redact(v.reason())), v.usage());
        } catch (RuntimeException e) {
            return new CriterionCheck(false, "the engine could not judge it: " + redact(String.valueOf(e.getMessage())), Usage.ZERO);
        }
    }

    private BlockStatus interruption() {
        if (services.cancellation().isCanceled()) {
            return BlockStatus.CANCELED;
        }
        if (services.deadline() != null && !services.clock().instant().isBefore(services.deadline())) {
            return BlockStatus.TIMED_OUT;
        }
        return null;
    }

    private AgentOutcome outcome(BlockStatus status, String reason, List<ActionRecord> performed, int downloadsBefore, Usage usage) {
        List<DownloadedFile> all = services.browser().downloads();
        return new AgentOutcome(status, reason, List.of(), 0, usage, all.subList(Math.min(downloadsBefore, all.size()), all.size()),
                redact(services.browser().currentUrl()), performed);
    }

    private List<String> screenshot(int index) {
        return screenshot("replay-action-" + index + ".png");
    }

    /** The page as the replay left it, as evidence; none when it cannot be taken. */
    private List<String> screenshot(String name) {
        try {
            return List.of(services.artifacts().record(ArtifactType.SCREENSHOT_ACTION, goal.blockLabel(), 0,
                    name, "image/png", services.browser().screenshot(false, 0)));
        } catch (RuntimeException e) {
            return List.of(); // evidence, not part of the replay
        }
    }

    private TimelineEntry actionEntry(BrowserAction action, String which, ActionResult result, Instant at, List<String> screenshots) {
        Map<String, Object> details = new LinkedHashMap<>(ActionDescriptions.describe(action));
        details.put("replayed", true);
        if (result.box() != null) {
            details.put("box", result.box().toMap());
        }
        if (!result.downloads().isEmpty()) {
            details.put("downloads", result.downloads().stream().map(DownloadedFile::name).toList());
        }
        return new TimelineEntry(TimelineEntry.Type.ACTION, action.actionType(), result.success() ? "success" : "failed",
                services.secrets().redactDeep(details), result.success() ? null : result.failureReason(), "replayed " + which,
                at, services.clock().instant(), screenshots, List.of());
    }

    private TimelineEntry thought(String text) {
        Instant now = services.clock().instant();
        return new TimelineEntry(TimelineEntry.Type.THOUGHT, "thought", null, null, null, redact(text), now, now, List.of(), List.of());
    }

    private static String origin(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url);
            return uri.getScheme() + "://" + uri.getAuthority();
        } catch (RuntimeException e) {
            return "the page";
        }
    }

    private String redact(String text) {
        return text == null ? null : services.secrets().redact(text);
    }
}
