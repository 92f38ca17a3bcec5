package dev.rover.llm.offline;

import dev.rover.core.page.PageSnapshot;

import java.util.Optional;

/**
 * The completion criteria a page can answer without a model (text shown, URL or title, logged in, a table, a
 * download), for callers that must judge a criterion without an engine call: a replayed block checks its
 * {@code complete_criterion} with this.
 */
public final class OfflineCriteria {

    private OfflineCriteria() {
    }

    /** Whether the criterion is met, with the reason; empty when it cannot be judged without a model. */
    public static Optional<Judged> judge(String criterion, PageSnapshot page, boolean downloaded) {
        CriterionChecker.Judgement j = CriterionChecker.judge(criterion, page, downloaded);
        return j.known() ? Optional.of(new Judged(j.met(), j.reason())) : Optional.empty();
    }

    /** A criterion judged: met or not, and why. */
    public record Judged(boolean met, String reason) {
    }
}
