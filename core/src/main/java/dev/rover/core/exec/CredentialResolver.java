package dev.rover.core.exec;

/**
 * Turns a credential reference in a workflow (a {@code credential} parameter's {@code credential_id},
 * or the value of a {@code credential_id} workflow parameter) into the value blocks and templates
 * see: typically a map of placeholders such as {@code {"username": "placeholder_ab12_username", ...}},
 * never the secrets themselves. Registered as a run service; without one, references pass through as written.
 */
@FunctionalInterface
public interface CredentialResolver {

    /**
     * The value for the parameter.
     *
     * @param parameterKey the parameter's key, for messages
     * @param reference    the credential id or name
     * @throws IllegalArgumentException when no such credential exists (the message names the parameter and the reference)
     */
    Object resolve(String parameterKey, String reference);

    /**
     * The value of a vendor-vault parameter ({@code aws_secret}, {@code bitwarden_*}, ...): a placeholder
     * for one secret value, or a map of placeholders for a login. Default: refused, naming the parameter.
     *
     * @throws IllegalArgumentException when the secret cannot be found (the message names the parameter and
     *                                  how to provide it)
     */
    default Object resolveSecret(dev.rover.core.definition.Parameter.SecretParameter parameter) {
        throw new IllegalArgumentException("parameter '" + parameter.key() + "' (" + parameter.parameterType()
                + ") needs a secret store; run the workflow through dev.rover.Rover, which reads it from its vault");
    }
}
