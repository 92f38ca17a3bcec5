package dev.rover.core.exec;

import dev.rover.core.run.Run;

/**
 * Everything one run holds besides its record: the services its blocks use, how credential references
 * become placeholders, and how its record is completed (final screenshot, recording, redacted output,
 * report) before the coordinator stores it as terminal. The coordinator opens one per run through a
 * {@link Factory} and closes it once the run's final record is stored.
 */
public interface RunResources extends AutoCloseable {

    /** The typed services blocks use. */
    RunServices services();

    /** Resolves credential references among the parameters; null lets references pass through as written. */
    default CredentialResolver credentials() {
        return null;
    }

    /**
     * Completes the record of a run that is ending, before it is stored: {@code ending} already has its
     * terminal status; the answer is what gets stored. Runs on the run's thread; what it cannot produce it
     * leaves out (and logs), it never throws for a missing piece.
     */
    default Run complete(Run ending) {
        return ending;
    }

    /** Called once when the run is asked to stop, before its token is woken. */
    default void onCancel() {
    }

    /** Releases what the run held (browser, engines, secret scope). */
    @Override
    void close();

    /** Opens the resources of a run the coordinator is admitting. */
    @FunctionalInterface
    interface Factory {

        /** Resources with no browser or engines: core's own runs and tests. */
        Factory NONE = admission -> of(RunServices.NONE, null);

        /**
         * @throws IllegalArgumentException when the run cannot have its resources (an unknown profile, ...); nothing is stored then
         */
        RunResources open(RunAdmission admission);
    }

    /** Resources with these services and credential resolver and nothing to complete or release. */
    static RunResources of(RunServices services, CredentialResolver credentials) {
        return new RunResources() {
            @Override
            public RunServices services() {
                return services;
            }

            @Override
            public CredentialResolver credentials() {
                return credentials;
            }

            @Override
            public void close() {
            }
        };
    }
}
