package dev.rover.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The process (and store instance) responsible for an active run, recorded with the run so that a store
 * opening later can tell a run whose process died (interrupted) from one another live process is still
 * executing. The process start time guards against the operating system reusing a dead process's pid.
 *
 * @param pid          operating-system process id
 * @param processStart when that process started, or null when the platform does not say
 * @param instanceId   the store instance within that process, for diagnostics
 */
public record RunOwner(long pid, Instant processStart, String instanceId) {

    /** Start times read twice from the OS may differ by rounding; a reused pid starts much later. */
    private static final Duration START_TOLERANCE = Duration.ofSeconds(1);

    public RunOwner {
        Objects.requireNonNull(instanceId, "instanceId");
    }

    /** This process, as the owner of runs saved through the store instance {@code instanceId}. */
    public static RunOwner currentProcess(String instanceId) {
        ProcessHandle self = ProcessHandle.current();
        return new RunOwner(self.pid(), self.info().startInstant().orElse(null), instanceId);
    }

    /** True while the owning process still runs (the same process, not a later one given the same pid). */
    public boolean isAlive() {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        if (processStart == null) {
            return true;
        }
        return handle.get().info().startInstant()
                .map(started -> Duration.between(processStart, started).abs().compareTo(START_TOLERANCE) <= 0)
                .orElse(true);
    }
}
