package dev.rover.core.secret;

import java.util.List;
import java.util.Optional;

/**
 * Where credentials are kept: values that runs turn into placeholders and type only on the origins a
 * credential is bound to. {@link CredentialVault} (encrypted files in the data directory) is the
 * embedded default; an application can keep them elsewhere (a secrets manager) by implementing this
 * and giving it to {@code Rover.builder().credentials(...)}. Nothing here ever returns a value except
 * {@link #secretsOf}, which only a run's secret scope calls.
 */
public interface CredentialStore {

    /**
     * Stores these values under a new, unique name, to be typed only on these origins (none: bound on first use).
     *
     * @throws IllegalArgumentException when the name is blank, looks like an id, or is taken, or an origin is no http(s) origin
     */
    Credential add(String name, CredentialSecrets secrets, List<String> origins);

    /** Stores these values under a new, unique name, bound to the first page a run types them on. */
    default Credential add(String name, CredentialSecrets secrets) {
        return add(name, secrets, List.of());
    }

    /** Stores a login (username, password, optional base32 TOTP secret), to be typed only on these origins. */
    default Credential addPassword(String name, String username, String password, String totpSecret, List<String> origins) {
        return add(name, CredentialSecrets.password(username, password, totpSecret), origins);
    }

    /** Stores a login, bound to the first page a run types it on. */
    default Credential addPassword(String name, String username, String password, String totpSecret) {
        return addPassword(name, username, password, totpSecret, List.of());
    }

    /** Stores one secret value under a name, to be typed only on these origins. */
    default Credential addSecret(String name, String value, List<String> origins) {
        return add(name, CredentialSecrets.secret(value), origins);
    }

    /** Stores one secret value under a name, bound to the first page a run types it on. */
    default Credential addSecret(String name, String value) {
        return addSecret(name, value, List.of());
    }

    /**
     * Binds a credential to these origins, replacing those it had.
     *
     * @return the credential as now stored
     */
    Credential bindOrigins(String idOrName, List<String> origins);

    /** Every credential's metadata, oldest first; never any values. */
    List<Credential> list();

    /** The credential with this id ({@code cred_...}) or name. */
    Optional<Credential> find(String idOrName);

    /**
     * The values of the credential with this id or name.
     *
     * @throws CredentialVaultException when there is no such credential, or its values cannot be read
     */
    CredentialSecrets secretsOf(String idOrName);

    /** Deletes the credential with this id or name; false when there was none. */
    boolean delete(String idOrName);
}
