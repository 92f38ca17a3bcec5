package dev.rover.server;

import dev.rover.core.env.EnvironmentVariables;
import dev.rover.core.error.InvalidRequestException;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where {@code rover serve} listens and how it guards its API: the API key comes from {@code ROVER_API_KEY}
 * (sent as {@code x-api-key}, as in Skyvern), and an address other machines can reach is refused without one.
 *
 * @param host            the address to bind (default 127.0.0.1)
 * @param port            the port; 0 picks a free one
 * @param apiKey          the key every API call must carry, or null to leave a loopback-only server open
 * @param maxRequestBytes the largest request body accepted (413 above it)
 */
public record ServerSettings(String host, int port, String apiKey, long maxRequestBytes) {

    /** The environment variable holding the API key. */
    public static final String API_KEY_VARIABLE = "ROVER_API_KEY";
    /** Request bodies above this are refused: definitions and task requests are far smaller. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 4L * 1024 * 1024;

    public ServerSettings {
        if (host == null || host.isBlank()) {
            throw new InvalidRequestException("--host must name an address, for example 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new InvalidRequestException("--port must be from 0 to 65535, got " + port);
        }
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        if (apiKey == null && !isLoopback(host)) {
            throw new InvalidRequestException("refusing to listen on " + host + " without an API key: other machines could "
                    + "run browsers and read credentials' names; set " + API_KEY_VARIABLE + " or bind 127.0.0.1");
        }
        if (maxRequestBytes < 1024) {
            throw new InvalidRequestException("the request size limit must be at least 1024 bytes, got " + maxRequestBytes);
        }
    }

    /** These address and port, with the key from the environment and the default request size limit. */
    public static ServerSettings of(String host, int port, EnvironmentVariables environment) {
        return new ServerSettings(host, port, environment.get(API_KEY_VARIABLE).orElse(null), DEFAULT_MAX_REQUEST_BYTES);
    }

    /** True when the address is only reachable from this machine. */
    static boolean isLoopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new InvalidRequestException("--host " + host + " is no address of this machine: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "ServerSettings[host=" + host + ", port=" + port + ", apiKey=" + (apiKey == null ? "none" : "set")
                + ", maxRequestBytes=" + maxRequestBytes + "]";
    }
}
