package dev.rover.samples.offline;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phrasing corpus in the test suite: every case through the agent loop with the offline engine
 * in one headless Chromium. No case may complete with a wrong outcome; the success rate is what
 * {@code rover bench offline} reports, and it must stay at or above the target. Tagged slow (about
 * a minute and a half on a busy machine): {@code mvn verify -DexcludedGroups=slow} leaves it out.
 */
@Tag("slow")
class OfflineCorpusTest {

    @Test
    void theCorpusHasNoWrongCompletionAndMeetsTheSuccessTarget() {
        List<PhrasingCorpus.Case> cases = PhrasingCorpus.load();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
        assertThat(cases.stream().map(PhrasingCorpus.Case::page).distinct().count()).isGreaterThanOrEqualTo(25);

        OfflineBench.Summary summary = new OfflineBench().run(cases, System.out);

        assertThat(summary.results().stream().filter(r -> r.verdict() == OfflineBench.Verdict.WRONG_COMPLETION)
                .map(r -> "#" + r.kase().number() + " " + r.kase().goal() + " -> " + r.detail()))
                .as("runs that completed with a wrong outcome")
                .isEmpty();
        assertThat(summary.successRate()).as(summary.resultLine()).isGreaterThanOrEqualTo(0.9);
    }
}
