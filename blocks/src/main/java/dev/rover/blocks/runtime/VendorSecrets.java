package dev.rover.blocks.runtime;

import dev.rover.blocks.cloud.AwsSettings;
import dev.rover.core.definition.Parameter;
import dev.rover.core.env.EnvironmentVariables;
import dev.rover.core.secret.CredentialSecrets;
import dev.rover.core.secret.CredentialStore;
import dev.rover.core.secret.CredentialVaultException;
import dev.rover.core.secret.SecretScope;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

import java.util.List;
import java.util.Optional;

/**
 * Reads the one-value vendor-vault parameters ({@code aws_secret}, {@code bitwarden_sensitive_information},
 * {@code azure_secret}, ...): an {@code aws_secret} from AWS Secrets Manager when AWS is configured,
 * every other case from Rover's vault under the parameter's vendor key. The value goes into the run's
 * secret scope; blocks and templates see only its placeholder.
 */
final class VendorSecrets {

    private final CredentialStore vault;
    private final SecretScope scope;
    private final AwsSettings aws;

    private final CredentialOriginGuard origins;

    VendorSecrets(CredentialStore vault, SecretScope scope, EnvironmentVariables environment, CredentialOriginGuard origins) {
        this.vault = vault;
        this.scope = scope;
        this.aws = AwsSettings.from(environment);
        this.origins = origins;
    }

    /** The placeholder of the parameter's value. */
    Object resolve(Parameter.SecretParameter parameter) {
        if ("aws_secret".equals(parameter.parameterType()) && aws.configured()) {
            String value = fromSecretsManager(parameter);
            return scope.add("secret", value, value.length() >= 8);
        }
        String value = fromVault(parameter).orElseThrow(() -> missing(parameter));
        Object placeholder = scope.add("secret", value, value.length() >= 8);
        // a vault secret stored with origins stays on them, like a login (one stored without may go anywhere)
        boundCredential(parameter).ifPresent(c -> origins.register(c, List.of(String.valueOf(placeholder))));
        return placeholder;
    }

    private String fromSecretsManager(Parameter.SecretParameter parameter) {
        try (SecretsManagerClient client = aws.secretsManager()) {
            GetSecretValueResponse response = client.getSecretValue(r -> r.secretId(parameter.vendorKey()));
            if (response.secretString() == null) {
                throw new IllegalArgumentException("parameter '" + parameter.key() + "' (aws_secret): AWS secret '"
                        + parameter.vendorKey() + "' holds binary data; Rover reads text secrets only");
            }
            return response.secretString();
        } catch (SdkException e) {
            // the SDK's message names the secret and the error code, never the value
            throw new IllegalArgumentException("parameter '" + parameter.key() + "' (aws_secret): could not read AWS secret '"
                    + parameter.vendorKey() + "': " + e.getMessage(), e);
        }
    }

    private Optional<dev.rover.core.secret.Credential> boundCredential(Parameter.SecretParameter parameter) {
        if (origins == null) {
            return Optional.empty();
        }
        try {
            return vault.find(parameter.vendorKey()).filter(c -> !c.origins().isEmpty());
        } catch (CredentialVaultException e) {
            return Optional.empty();
        }
    }

    private Optional<String> fromVault(Parameter.SecretParameter parameter) {
        try {
            if (vault.find(parameter.vendorKey()).isEmpty()) {
                return Optional.empty();
            }
            CredentialSecrets secrets = vault.secretsOf(parameter.vendorKey());
            return secrets.secretValue().or(secrets::password);
        } catch (CredentialVaultException e) {
            throw new IllegalArgumentException("parameter '" + parameter.key() + "': " + e.getMessage(), e);
        }
    }

    private IllegalArgumentException missing(Parameter.SecretParameter parameter) {
        String where = "aws_secret".equals(parameter.parameterType())
                ? "AWS is not configured (" + AwsSettings.REQUIRED + ") and Rover's vault has no secret '"
                : "Rover's vault has no secret '";
        return new IllegalArgumentException("parameter '" + parameter.key() + "' (" + parameter.parameterType() + "): "
                + where + parameter.vendorKey() + "'; add it with `rover credentials add " + parameter.vendorKey()
                + " --secret-env VAR` (or Rover.credentials().addSecret(...))");
    }
}
