package dev.rover.core.store;

import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.RunType;
import dev.rover.core.run.SampleRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentRunStoreTest {

    private static final int THREADS = 6;
    private static final int RUNS_PER_THREAD = 25;

    @TempDir
    Path home;

    @Test
    void severalThreadsOnTwoStoreInstancesWriteWithoutLosingAnything() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (JdbcRunStore first = JdbcRunStore.open(home); JdbcRunStore second = JdbcRunStore.open(home)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<RunId>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                JdbcRunStore store = t % 2 == 0 ? first : second;
                futures.add(pool.submit(() -> writeRuns(store, start)));
            }
            start.countDown();
            List<RunId> written = new ArrayList<>();
            for (Future<List<RunId>> f : futures) {
                written.addAll(f.get(120, TimeUnit.SECONDS));
            }

            assertThat(first.list(10_000)).hasSize(THREADS * RUNS_PER_THREAD);
            for (RunId id : written) {
                Run run = second.find(id).orElseThrow();
                assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
                assertThat(run.stepCount()).isEqualTo(2);
                assertThat(first.artifacts(id, Set.of())).extracting(ArtifactRecord::type)
                        .containsExactly(ArtifactType.SCREENSHOT_ACTION, ArtifactType.SCREENSHOT_FINAL);
                assertThat(first.timeline(id)).isEqualTo(SampleRuns.timeline());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<RunId> writeRuns(JdbcRunStore store, CountDownLatch start) throws InterruptedException {
        start.await();
        List<RunId> ids = new ArrayList<>();
        for (int i = 0; i < RUNS_PER_THREAD; i++) {
            Run run = Run.created(RunId.next(RunType.TASK), "t" + i, Map.of(), null, null, SampleRuns.T0);
            store.save(run);
            Run running = run.withStatus(RunStatus.RUNNING, SampleRuns.T0.plusSeconds(1));
            store.save(running);
            store.addArtifact(new ArtifactRecord(ArtifactRecord.newId(), run.runId(), ArtifactType.SCREENSHOT_ACTION,
                    "b", 1, "file:///tmp/1.png", "image/png", 1, SampleRuns.T0));
            store.addArtifact(new ArtifactRecord(ArtifactRecord.newId(), run.runId(), ArtifactType.SCREENSHOT_FINAL,
                    "b", 2, "file:///tmp/2.png", "image/png", 1, SampleRuns.T0));
            store.saveTimeline(run.runId(), SampleRuns.timeline());
            store.save(running.toBuilder().stepCount(2).build().withStatus(RunStatus.COMPLETED,
                    SampleRuns.T0.plusSeconds(2)));
            ids.add(run.runId());
        }
        return ids;
    }
}
