package dev.rover.core.secret;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Process-wide scrubbing of every live {@link SecretScope}'s values, so any log line (or other
 * text that escapes a run) can be cleaned without knowing which run produced it. A logging
 * converter calls {@link #redact(String)}; scopes join on open and leave on close.
 */
public final class SecretRedaction {

    private static final Set<SecretScope> LIVE = ConcurrentHashMap.newKeySet();

    private SecretRedaction() {
    }

    /** The text with the secret values of every open scope replaced by their placeholders. */
    public static String redact(String text) {
        if (text == null || text.isEmpty() || LIVE.isEmpty()) {
            return text;
        }
        String result = text;
        for (SecretScope scope : LIVE) {
            result = scope.redactIfOpen(result);
        }
        return result;
    }

    /** How many scopes are open now. */
    public static int liveScopeCount() {
        return LIVE.size();
    }

    static void register(SecretScope scope) {
        LIVE.add(scope);
    }

    static void unregister(SecretScope scope) {
        LIVE.remove(scope);
    }
}
