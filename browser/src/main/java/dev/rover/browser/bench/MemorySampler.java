package dev.rover.browser.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples, at a fixed interval, the JVM's used heap and the resident memory of the Chromium
 * processes and Playwright's Node drivers started by this JVM and of the JVM itself (read from
 * /proc), keeping the peaks. Chromium's processes share
 * most of their pages, so each process counts its proportional share (PSS from smaps_rollup) when
 * the kernel offers it, and its plain RSS otherwise.
 */
final class MemorySampler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MemorySampler.class);

    private final ScheduledExecutorService sampler;
    private final AtomicLong peakHeap = new AtomicLong();
    private final AtomicLong peakChromium = new AtomicLong(-1);
    private final AtomicLong peakTotal = new AtomicLong(-1);
    private final boolean procAvailable = Files.isDirectory(Path.of("/proc/self"));

    MemorySampler(Duration every) {
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rover-bench-memory");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(this::sample, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    long peakHeapBytes() {
        sample();
        return peakHeap.get();
    }

    /** Peak resident memory (PSS, else RSS) of Chromium processes, or -1 when /proc is not available. */
    long peakChromiumRssBytes() {
        sample();
        return peakChromium.get();
    }

    /**
     * Peak memory of everything a run costs at once: Chromium, the Node driver processes and this
     * JVM itself (PSS, else RSS), or -1 when /proc is not available.
     */
    long peakTotalBytes() {
        sample();
        return peakTotal.get();
    }

    private void sample() {
        Runtime runtime = Runtime.getRuntime();
        peakHeap.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
        if (procAvailable) {
            long chromium = processesRss(true);
            peakChromium.accumulateAndGet(chromium, Math::max);
            long jvm = 0;
            try {
                jvm = residentKilobytes(Path.of("/proc/self")) * 1024;
            } catch (IOException | NumberFormatException e) {
                log.trace("cannot read this JVM's memory: {}", e.toString());
            }
            peakTotal.accumulateAndGet(chromium + processesRss(false) + jvm, Math::max);
        }
    }

    /** Chromium's processes ({@code chromium}), or the Playwright drivers' ({@code !chromium}: node). */
    private static long processesRss(boolean chromium) {
        List<ProcessHandle> processes = ProcessHandle.current().descendants().toList();
        long total = 0;
        for (ProcessHandle process : processes) {
            Path proc = Path.of("/proc", Long.toString(process.pid()));
            try {
                String comm = Files.readString(proc.resolve("comm")).trim().toLowerCase();
                boolean isChromium = comm.contains("chrom") || comm.contains("headless");
                boolean isDriver = comm.equals("node") || comm.startsWith("node");
                if (chromium ? !isChromium : !isDriver) {
                    continue;
                }
                total += residentKilobytes(proc) * 1024;
            } catch (IOException | NumberFormatException e) {
                // The process ended between listing and reading: it no longer uses memory.
                log.trace("process {} vanished while sampling: {}", process.pid(), e.toString());
            }
        }
        return total;
    }

    private static long residentKilobytes(Path proc) throws IOException {
        Path rollup = proc.resolve("smaps_rollup");
        if (Files.isReadable(rollup)) {
            for (String line : Files.readAllLines(rollup)) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        }
        for (String line : Files.readAllLines(proc.resolve("status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
