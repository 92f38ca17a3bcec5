package dev.rover;

import dev.rover.core.store.DatabaseUrl;
import dev.rover.core.store.JdbcRunStore;
import dev.rover.core.store.RoverHome;

import java.time.Duration;
import java.util.Map;

/**
 * Which database a {@link Rover} keeps its runs in, and how long their leases last: the builder's
 * settings, else {@code ROVER_DATABASE_URL} and {@code ROVER_RUN_LEASE_SECONDS}, else SQLite in the data
 * directory with the store's default lease.
 */
final class RunDatabase {

    static final String DATABASE_URL = "ROVER_DATABASE_URL";
    static final String LEASE_SECONDS = "ROVER_RUN_LEASE_SECONDS";

    private RunDatabase() {
    }

    /** Opens the run store the settings choose; a value set on the builder wins over the environment. */
    static JdbcRunStore open(RoverHome home, String databaseUrl, Duration lease, Map<String, String> environment) {
        JdbcRunStore.Builder store = JdbcRunStore.builder();
        String url = databaseUrl != null ? databaseUrl : blankToNull(environment.get(DATABASE_URL));
        if (url != null) {
            store.url(DatabaseUrl.toJdbc(url, databaseUrl != null ? "the database URL" : DATABASE_URL));
        } else {
            store.sqlite(home.database());
        }
        Duration chosen = lease != null ? lease : leaseFromEnvironment(environment.get(LEASE_SECONDS));
        if (chosen != null) {
            store.lease(chosen);
        }
        return store.build();
    }

    private static Duration leaseFromEnvironment(String value) {
        String seconds = blankToNull(value);
        if (seconds == null) {
            return null;
        }
        try {
            long parsed = Long.parseLong(seconds);
            if (parsed >= 1 && parsed <= Duration.ofDays(1).toSeconds()) {
                return Duration.ofSeconds(parsed);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(LEASE_SECONDS + " must be a whole number of seconds from 1 to 86400 (a day); got '"
                + seconds + "'");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
