package dev.rover.core.exec;

/** How one block ended. */
public enum BlockStatus {
    COMPLETED, FAILED, TERMINATED, TIMED_OUT, CANCELED;

    /** The lower-case name used in timelines and run responses. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
