package dev.rover.blocks.runtime;

import dev.rover.core.exec.RunSecrets;
import dev.rover.core.secret.SecretScope;

/** A run's secrets as blocks use them, backed by the run's {@link SecretScope}. */
public final class ScopeSecrets implements RunSecrets {

    private final SecretScope scope;

    public ScopeSecrets(SecretScope scope) {
        this.scope = scope;
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
