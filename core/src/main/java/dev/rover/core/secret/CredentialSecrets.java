package dev.rover.core.secret;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The secret values of one credential, handed out only on an explicit request so they reach
 * exactly the code that types them. Deliberately not a record and without bean getters:
 * {@link #toString()} and JSON serialisation never show the values.
 */
public final class CredentialSecrets {

    /** Field name of a login's username. */
    public static final String USERNAME = "username";
    /** Field name of a login's password. */
    public static final String PASSWORD = "password";
    /** Field name of a login's TOTP secret (base32). */
    public static final String TOTP = "totp";
    /** Field name of a secret credential's value. */
    public static final String SECRET = "secret";

    private final CredentialKind kind;
    private final Map<String, String> values;

    private CredentialSecrets(CredentialKind kind, Map<String, String> values) {
        this.kind = kind;
        this.values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * A login.
     *
     * @param totpSecret the base32 TOTP secret, or null when the site has no second factor
     * @throws IllegalArgumentException when the TOTP secret is not valid base32
     */
    public static CredentialSecrets password(String username, String password, String totpSecret) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Map<String, String> values = new LinkedHashMap<>();
        values.put(USERNAME, username);
        values.put(PASSWORD, password);
        if (totpSecret != null && !totpSecret.isBlank()) {
            try {
                Base32.decode(totpSecret);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the TOTP secret is not valid base32: " + e.getMessage(), e);
            }
            values.put(TOTP, totpSecret);
        }
        return new CredentialSecrets(CredentialKind.PASSWORD, values);
    }

    /** One secret value (an API key, a PIN...). */
    public static CredentialSecrets secret(String value) {
        Objects.requireNonNull(value, "value");
        return new CredentialSecrets(CredentialKind.SECRET, Map.of(SECRET, value));
    }

    static CredentialSecrets fromFields(CredentialKind kind, Map<String, String> fields) {
        return switch (kind) {
            case PASSWORD -> password(require(fields, USERNAME), require(fields, PASSWORD), fields.get(TOTP));
            case SECRET -> secret(require(fields, SECRET));
        };
    }

    private static String require(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("stored credential has no '" + name + "' field");
        }
        return value;
    }

    public CredentialKind kind() {
        return kind;
    }

    /** The username of a login, or empty for a secret. */
    public Optional<String> username() {
        return Optional.ofNullable(values.get(USERNAME));
    }

    /** The password of a login, or empty for a secret. */
    public Optional<String> password() {
        return Optional.ofNullable(values.get(PASSWORD));
    }

    /** The base32 TOTP secret of a login that has one. */
    public Optional<String> totpSecret() {
        return Optional.ofNullable(values.get(TOTP));
    }

    /** The TOTP generator of a login that has a TOTP secret (SHA-1, 6 digits, 30 s). */
    public Optional<Totp> totp() {
        return totpSecret().map(Totp::fromBase32);
    }

    /** The value of a secret credential, or empty for a login. */
    public Optional<String> secretValue() {
        return Optional.ofNullable(values.get(SECRET));
    }

    /** Every field and its value, in a stable order; for the vault's encryption and secret scopes. */
    Map<String, String> fields() {
        return values;
    }

    @Override
    public String toString() {
        return "CredentialSecrets[kind=" + kind.wireName() + ", fields=" + values.keySet() + ", values=***]";
    }
}
