package dev.rover.core.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Who holds the lease of an active run: one run store instance in one process on one host. The id is
 * written on the run's row and renewed by that instance's heartbeat; it reads {@code host/pid/random} so a
 * person looking at the database can tell where a run is executing, but nothing decides anything from
 * its parts: only whether the lease is renewed counts.
 *
 * @param id the owner's id, unique per store instance
 */
public record RunOwner(String id) {

    /** The longest owner id the database column holds. */
    static final int MAX_LENGTH = 200;

    private static final SecureRandom RANDOM = new SecureRandom();

    public RunOwner {
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || id.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a run owner id must be 1 to " + MAX_LENGTH + " characters, got '" + id + "'");
        }
    }

    /** A new owner for a store instance of this process: {@code host/pid/8 random hex digits}. */
    public static RunOwner forThisProcess() {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        String id = HostName.VALUE + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().formatHex(random);
        return new RunOwner(id.length() > MAX_LENGTH ? id.substring(id.length() - MAX_LENGTH) : id);
    }

    /** This host's name, looked up once (a lookup may ask DNS). */
    private static final class HostName {
        static final String VALUE = lookUp();

        private static String lookUp() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "unknown-host";
            }
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
