package dev.rover.blocks.cloud;

import dev.rover.core.env.EnvironmentVariables;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.net.URI;
import java.util.Optional;

/**
 * The AWS configuration Rover reads from its environment, with the standard variable names
 * ({@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN},
 * {@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}) and
 * {@code ROVER_S3_BUCKET}, the bucket of {@code upload_to_s3} blocks that name none. Clients are built
 * from exactly this, never from profiles or instance metadata, so a run is reproducible from its environment.
 */
public record AwsSettings(String region, String accessKeyId, String secretAccessKey, String sessionToken,
                          String s3Endpoint, String secretsEndpoint, String defaultBucket) {

    /** The variables that must be set for Rover to call AWS. */
    public static final String REQUIRED = "AWS_REGION, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY";

    /** The settings in these variables. */
    public static AwsSettings from(EnvironmentVariables env) {
        Optional<String> endpoint = env.get("AWS_ENDPOINT_URL");
        return new AwsSettings(env.get("AWS_REGION").or(() -> env.get("AWS_DEFAULT_REGION")).orElse(null),
                env.get("AWS_ACCESS_KEY_ID").orElse(null), env.get("AWS_SECRET_ACCESS_KEY").orElse(null),
                env.get("AWS_SESSION_TOKEN").orElse(null),
                env.get("AWS_ENDPOINT_URL_S3").or(() -> endpoint).orElse(null),
                env.get("AWS_ENDPOINT_URL_SECRETS_MANAGER").or(() -> endpoint).orElse(null),
                env.get("ROVER_S3_BUCKET").orElse(null));
    }

    /** Whether region and keys are all set. */
    public boolean configured() {
        return region != null && accessKeyId != null && secretAccessKey != null;
    }

    /** These settings with other keys (a block's credential parameters) and, when given, another region. */
    public AwsSettings withKeys(String keyId, String secretKey, String otherRegion) {
        return new AwsSettings(otherRegion != null ? otherRegion : region, keyId, secretKey, null, s3Endpoint,
                secretsEndpoint, defaultBucket);
    }

    /**
     * An S3 client; path-style addressing when an endpoint is overridden (S3-compatible servers).
     *
     * @throws IllegalStateException when region or keys are missing, naming the variables
     */
    public S3Client s3() {
        requireConfigured("S3");
        var builder = S3Client.builder().region(Region.of(region)).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create());
        if (s3Endpoint != null) {
            builder.endpointOverride(URI.create(s3Endpoint)).forcePathStyle(true);
        }
        return builder.build();
    }

    /** A Secrets Manager client. */
    public SecretsManagerClient secretsManager() {
        requireConfigured("Secrets Manager");
        var builder = SecretsManagerClient.builder().region(Region.of(region)).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create());
        if (secretsEndpoint != null) {
            builder.endpointOverride(URI.create(secretsEndpoint));
        }
        return builder.build();
    }

    private StaticCredentialsProvider credentials() {
        AwsCredentials keys = sessionToken != null
                ? AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken)
                : AwsBasicCredentials.create(accessKeyId, secretAccessKey);
        return StaticCredentialsProvider.create(keys);
    }

    private void requireConfigured(String service) {
        if (!configured()) {
            throw new IllegalStateException("calling AWS " + service + " needs " + REQUIRED + " in Rover's environment");
        }
    }

    @Override
    public String toString() {
        // never the keys
        return "AwsSettings[region=" + region + ", s3Endpoint=" + s3Endpoint + ", secretsEndpoint=" + secretsEndpoint
                + ", keys=" + (accessKeyId != null) + "]";
    }
}
