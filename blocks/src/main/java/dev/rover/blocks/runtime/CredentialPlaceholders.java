package dev.rover.blocks.runtime;

import dev.rover.core.run.CancellationToken;
import dev.rover.core.exec.CredentialResolver;
import dev.rover.core.run.RunId;
import dev.rover.core.secret.Credential;
import dev.rover.core.secret.CredentialSecrets;
import dev.rover.core.secret.CredentialStore;
import dev.rover.core.secret.CredentialVaultException;
import dev.rover.core.secret.SecretScope;
import dev.rover.core.secret.TotpMailbox;
import dev.rover.core.secret.TotpUrlClient;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a run's credential references into placeholders: every stored value goes into the run's
 * secret scope. A login without a stored TOTP secret gets a {@code totp} placeholder anyway when the
 * run names a {@code totp_url} (the code is fetched when typed) or a {@code totp_identifier} (the
 * code pushed with {@link dev.rover.Rover#pushTotpCode} is taken when typed). Every
 * placeholder is registered with the run's {@link CredentialOriginGuard} under its credential's origins.
 */
final class CredentialPlaceholders implements CredentialResolver {

    /** How long typing a one-time code waits for it to be pushed or fetched. */
    static final Duration CODE_WAIT = Duration.ofMinutes(2);

    private final CredentialStore vault;
    private final SecretScope scope;
    private final RunId runId;
    private final String totpIdentifier;
    private final String totpUrl;
    private final TotpMailbox mailbox;
    private final TotpUrlClient urls;
    private final CancellationToken cancellation;
    private final java.time.Clock clock;
    private final java.util.function.Supplier<java.time.Instant> deadline;
    private final CredentialOriginGuard origins;

    /**
     * @param cancellation canceled when the run is canceled or Rover closes; ends a wait for a code
     * @param deadline     the run's time limit; a wait for a code never outlasts it
     * @param origins      learns which placeholders belong to which credential, to keep each on its origins
     */
    CredentialPlaceholders(CredentialStore vault, SecretScope scope, RunId runId, String totpIdentifier, String totpUrl,
                           TotpMailbox mailbox, TotpUrlClient urls, CancellationToken cancellation, java.time.Clock clock,
                           java.util.function.Supplier<java.time.Instant> deadline, CredentialOriginGuard origins) {
        this.origins = origins;
        this.vault = vault;
        this.scope = scope;
        this.runId = runId;
        this.totpIdentifier = blankToNull(totpIdentifier);
        this.totpUrl = blankToNull(totpUrl);
        this.mailbox = mailbox;
        this.urls = urls;
        this.cancellation = cancellation;
        this.clock = clock;
        this.deadline = deadline;
    }

    private VendorSecrets vendorSecrets;

    /** These placeholders also resolving vendor-vault parameters ({@code aws_secret}, {@code bitwarden_*}, ...). */
    CredentialPlaceholders withVendorSecrets(VendorSecrets secrets) {
        this.vendorSecrets = secrets;
        return this;
    }

    @Override
    public Object resolveSecret(dev.rover.core.definition.Parameter.SecretParameter parameter) {
        if (parameter.login()) {
            return resolve(parameter.key(), parameter.vendorKey());
        }
        if (vendorSecrets == null) {
            return CredentialResolver.super.resolveSecret(parameter);
        }
        return vendorSecrets.resolve(parameter);
    }

    @Override
    public Object resolve(String parameterKey, String reference) {
        Optional<Credential> credential;
        try {
            credential = vault.find(reference);
        } catch (CredentialVaultException e) {
            throw new IllegalArgumentException("parameter '" + parameterKey + "': " + e.getMessage(), e);
        }
        if (credential.isEmpty()) {
            throw new IllegalArgumentException("parameter '" + parameterKey + "' names credential '" + reference
                    + "', which is not in the vault; add it with `rover credentials add " + reference
                    + " --username ... --password-env VAR` (or Rover.credentials().addPassword(...))");
        }
        CredentialSecrets secrets;
        try {
            secrets = vault.secretsOf(reference);
        } catch (CredentialVaultException e) {
            throw new IllegalArgumentException("parameter '" + parameterKey + "': " + e.getMessage(), e);
        }
        Map<String, Object> placeholders = new LinkedHashMap<>(scope.addCredential(secrets));
        boolean login = secrets.password().isPresent();
        if (login && !placeholders.containsKey(CredentialSecrets.TOTP) && (totpUrl != null || totpIdentifier != null)) {
            placeholders.put(CredentialSecrets.TOTP, scope.addCodeSource(CredentialSecrets.TOTP, this::nextCode));
        }
        origins.register(credential.get(), placeholders.values().stream().map(String::valueOf).toList());
        return placeholders;
    }

    private String nextCode() {
        Duration untilDeadline = Duration.between(clock.instant(), deadline.get());
        Duration wait = untilDeadline.compareTo(CODE_WAIT) < 0 ? untilDeadline : CODE_WAIT;
        Optional<String> code = Optional.empty();
        try {
            if (!wait.isNegative() && !wait.isZero()) {
                code = totpUrl != null
                        ? urls.fetch(URI.create(totpUrl), totpIdentifier, runId.value(), wait, cancellation)
                        : mailbox.await(totpIdentifier, wait, cancellation);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a one-time code", e);
        }
        if (code.isPresent()) {
            return code.get();
        }
        if (cancellation.isCanceled()) {
            throw new IllegalStateException("the run was canceled while waiting for a one-time code");
        }
        // only scheme, host and path: a totp_url's query string often carries a token
        throw new IllegalStateException((totpUrl != null
                ? "no one-time code came from " + withoutQuery(totpUrl)
                : "no one-time code was pushed for totp_identifier '" + totpIdentifier + "'")
                + " within " + wait.toSeconds() + " s");
    }

    private static String withoutQuery(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority() + (uri.getPath() == null ? "" : uri.getPath());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
