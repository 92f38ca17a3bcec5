package dev.rover.core.secret;

/**
 * A credential could not be stored, found or decrypted. The message names the credential or file
 * and what to check, and never carries a secret value or key material.
 */
public class CredentialVaultException extends RuntimeException {

    public CredentialVaultException(String message) {
        super(message);
    }

    public CredentialVaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
