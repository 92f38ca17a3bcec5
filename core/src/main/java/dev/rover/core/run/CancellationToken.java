package dev.rover.core.run;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells a running block that its run was canceled. Blocks check it between steps and wait on
 * it instead of sleeping, so a cancel interrupts a wait at once.
 */
public final class CancellationToken {

    private final CountDownLatch latch = new CountDownLatch(1);

    /** Marks the run canceled; every waiter wakes up. */
    public void cancel() {
        latch.countDown();
    }

    public boolean isCanceled() {
        return latch.getCount() == 0;
    }

    /**
     * Waits for the duration unless canceled first.
     *
     * @return true when canceled during (or before) the wait
     */
    public boolean sleep(Duration duration) throws InterruptedException {
        if (duration.isNegative() || duration.isZero()) {
            return isCanceled();
        }
        return latch.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }
}
