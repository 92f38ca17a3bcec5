package dev.rover.browser.bench;

import dev.rover.browser.LiveBrowser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a benchmark does before each timed run when it compares two sides in turn: it waits until the shared
 * browsers have done their work between runs (making the next run's context) and the processors have been mostly
 * idle for a moment, since a renderer process that was just made or closed keeps a core busy for a while after
 * Playwright has returned. So one side's leftover work does not slow the other side's timing. The idle check reads
 * {@code /proc/stat}; where there is none, only the browsers are waited for.
 */
public final class QuietMachine {

    /** The share of processor time that must have been idle over one window. */
    static final double IDLE_SHARE = 0.8;
    /** One window of the idle check. */
    static final Duration WINDOW = Duration.ofMillis(100);
    /** The longest wait: a machine busy with something else does not stop the benchmark. */
    static final Duration LONGEST = Duration.ofSeconds(3);

    private static final Path STAT = Path.of("/proc/stat");

    private QuietMachine() {
    }

    /** Waits for the shared browsers, then for a window in which the processors were mostly idle (at most {@link #LONGEST}). */
    public static void await() {
        LiveBrowser.settleShared();
        long until = System.nanoTime() + LONGEST.toNanos();
        long[] before = cpu();
        while (before != null && System.nanoTime() < until) {
            try {
                Thread.sleep(WINDOW.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long[] after = cpu();
            if (after == null) {
                return;
            }
            long total = after[0] - before[0];
            long idle = after[1] - before[1];
            if (total > 0 && idle >= IDLE_SHARE * total) {
                return;
            }
            before = after;
        }
    }

    /** All processor time and idle time so far, in clock ticks, or null when the system does not tell. */
    private static long[] cpu() {
        try {
            List<String> lines = Files.readAllLines(STAT);
            if (lines.isEmpty() || !lines.get(0).startsWith("cpu ")) {
                return null;
            }
            String[] fields = lines.get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + (fields.length > 5 ? Long.parseLong(fields[5]) : 0);
            return new long[] {total, idle};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
