package dev.rover.blocks.runtime;

import dev.rover.core.exec.RunSecrets;
import dev.rover.core.secret.SecretScope;

/** A run's secrets as blocks use them, backed by the run's {@link SecretScope}; credentials stay on their origins. */
public final class ScopeSecrets implements RunSecrets {

    private final SecretScope scope;
    private final CredentialOriginGuard origins;

    public ScopeSecrets(SecretScope scope) {
        this(scope, null);
    }

    ScopeSecrets(SecretScope scope, CredentialOriginGuard origins) {
        this.scope = scope;
        this.origins = origins;
    }

    @Override
    public java.util.Optional<String> refuseSending(java.util.Collection<String> texts, String url) {
        return origins == null ? java.util.Optional.empty() : origins.refuseSending(texts, url);
    }

    @Override
    public String resolve(String text) {
        return text == null ? null : scope.resolve(text);
    }

    @Override
    public String redact(String text) {
        return text == null ? null : scope.redact(text);
    }

    @Override
    public Object redactDeep(Object value) {
        return scope.redactDeep(value);
    }
}
