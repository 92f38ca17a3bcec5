package dev.rover;

/**
 * What a run does when its workflow asks for a {@code proxy_location} (Skyvern exports carry
 * {@code RESIDENTIAL}) and this Rover has no proxy configured. Running without the proxy a user asked for
 * can expose their address, so the default refuses; {@link #DIRECT} is the explicit opt-out.
 */
public enum ProxyPolicy {

    /** Refuse the run, saying how to go on (the default). */
    REQUIRE,

    /** Run without a proxy; the run records a {@code PROXY_NOT_USED} warning saying which location was skipped. */
    DIRECT
}
