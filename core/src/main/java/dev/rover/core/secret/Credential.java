package dev.rover.core.secret;

import java.time.Instant;
import java.util.Objects;

/**
 * What can be shown about a stored credential: its id ({@code cred_...}), unique name, kind and
 * creation time. It holds no secret values, so it is safe to list, log and serialise; the values
 * come only from {@link CredentialVault#secretsOf(String)}.
 */
public record Credential(String id, String name, CredentialKind kind, Instant createdAt) {

    public Credential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
