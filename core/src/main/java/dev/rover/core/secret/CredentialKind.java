package dev.rover.core.secret;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a stored credential holds: a login (username, password, optional TOTP secret) or one secret value. */
public enum CredentialKind {
    PASSWORD,
    SECRET;

    /** The wire name, e.g. {@code password}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a wire name stands for. */
    @JsonCreator
    public static CredentialKind fromWireName(String name) {
        for (CredentialKind kind : values()) {
            if (kind.wireName().equalsIgnoreCase(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown credential kind '" + name + "' (allowed: password, secret)");
    }
}
