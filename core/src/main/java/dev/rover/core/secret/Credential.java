package dev.rover.core.secret;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What can be shown about a stored credential: its id ({@code cred_...}), unique name, kind,
 * creation time and the origins it may be typed on. It holds no secret values, so it is safe to
 * list, log and serialise; the values come only from {@link CredentialVault#secretsOf(String)}.
 *
 * @param origins where the credential may be typed and submitted ({@code https://app.example.com});
 *                empty until it is bound, which happens on the first page a run types it on
 */
public record Credential(String id, String name, CredentialKind kind, Instant createdAt, List<String> origins) {

    public Credential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        origins = origins == null ? List.of() : List.copyOf(origins);
    }

    /** A credential not bound to any origin yet. */
    public Credential(String id, String name, CredentialKind kind, Instant createdAt) {
        this(id, name, kind, createdAt, List.of());
    }
}
