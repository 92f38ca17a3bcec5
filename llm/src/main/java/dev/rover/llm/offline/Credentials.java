package dev.rover.llm.offline;

import java.util.Map;
import java.util.Optional;

/**
 * The credential placeholders a login types, read from the user details: a map
 * {@code {username, password, totp}} under the credential's parameter key, or flat
 * {@code username}/{@code email}/{@code password}/{@code totp} keys. Holds placeholders, never
 * secret values, yet {@link #toString()} still prints none of them.
 */
record Credentials(String username, String password, String totp) {

    Credentials {
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        totp = totp == null ? "" : totp;
    }

    /** The first credential found in the user details. */
    static Optional<Credentials> from(Map<String, Object> userDetails) {
        for (Object value : userDetails.values()) {
            if (value instanceof Map<?, ?> map && (map.containsKey("password") || map.containsKey("totp"))) {
                return Optional.of(new Credentials(text(map, "username", "email", "login", "user"), text(map, "password"),
                        text(map, "totp", "totp_code", "otp")));
            }
        }
        if (userDetails.containsKey("password")) {
            return Optional.of(new Credentials(text(userDetails, "username", "email", "login", "user"), text(userDetails, "password"),
                    text(userDetails, "totp", "totp_code", "otp")));
        }
        return Optional.empty();
    }

    private static String text(Map<?, ?> map, String... keys) {
        for (String key : keys) {
            Object v = map.get(key);
            if (v != null && !v.toString().isBlank()) {
                return v.toString();
            }
        }
        return "";
    }

    @Override
    public String toString() {
        return "Credentials[username=" + (username.isEmpty() ? "none" : "set") + ", password=" + (password.isEmpty() ? "none" : "set")
                + ", totp=" + (totp.isEmpty() ? "none" : "set") + "]";
    }
}
