package dev.rover.blocks.runtime;

import dev.rover.browser.action.SecretGuard;
import dev.rover.core.secret.Credential;
import dev.rover.core.secret.CredentialStore;
import dev.rover.core.secret.Origins;
import dev.rover.core.secret.SecretScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps each credential of a run on the origins it is bound to, as a password manager does: its
 * placeholders may only be typed into fields whose frame has one of those origins, and a form holding
 * one of its values may only be submitted to one of them. A credential stored without origins is
 * bound, in the vault, to the origin of the first page it is typed on, provided the workflow or task
 * opened a page of that origin itself (its url); a page an engine reached on its own never binds one.
 * Thread-safe.
 */
final class CredentialOriginGuard implements SecretGuard {

    private static final Logger log = LoggerFactory.getLogger(CredentialOriginGuard.class);

    private final SecretScope scope;
    private final CredentialStore vault;
    private final Object lock = new Object();
    /** Placeholder to the credential it belongs to. */
    private final Map<String, Binding> bindings = new LinkedHashMap<>();
    /** Origins of the pages the workflow or task opened itself. */
    private final Set<String> openedOrigins = new LinkedHashSet<>();

    CredentialOriginGuard(SecretScope scope, CredentialStore vault) {
        this.scope = scope;
        this.vault = vault;
    }

    /** Puts the placeholders of a credential under its origins. */
    void register(Credential credential, Collection<String> placeholders) {
        Binding binding = new Binding(credential.id(), credential.name(), new ArrayList<>(credential.origins()));
        synchronized (lock) {
            placeholders.forEach(p -> bindings.put(p, binding));
        }
    }

    @Override
    public void opened(String requestedUrl, String landedUrl) {
        synchronized (lock) {
            Origins.of(requestedUrl).ifPresent(openedOrigins::add);
            Origins.of(landedUrl).ifPresent(openedOrigins::add);
        }
    }

    @Override
    public boolean holdsSecrets() {
        return !scope.isClosed() && !scope.placeholders().isEmpty();
    }

    @Override
    public boolean holdsPlaceholder(String text) {
        return !scope.isClosed() && scope.containsPlaceholder(text);
    }

    @Override
    public Optional<String> refuseTyping(String text, String pageUrl, String frameUrl) {
        Optional<String> frameOrigin = Origins.of(frameUrl);
        for (Binding binding : bindingsOf(scope.placeholdersIn(text))) {
            List<String> allowed = allowedOrBind(binding, pageUrl);
            if (allowed.isEmpty()) {
                return Optional.of("refused to type credential '" + binding.name + "' into a field of frame origin "
                        + describe(frameOrigin, frameUrl) + ": the credential is bound to no origin yet, and the page's origin "
                        + describe(Origins.of(pageUrl), pageUrl) + " was not opened by the workflow's or task's own url; store the credential with --origin"
                        + " (rover credentials add ... --origin https://site) to allow it there");
            }
            if (frameOrigin.isEmpty() || !allowed.contains(frameOrigin.get())) {
                return Optional.of("refused to type credential '" + binding.name + "' into a field of frame origin "
                        + describe(frameOrigin, frameUrl) + ": the credential is bound to " + String.join(", ", allowed));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> refuseSubmit(List<String> fieldValues, String actionUrl) {
        Optional<String> target = Origins.of(actionUrl);
        if (target.isEmpty()) {
            // javascript:, about: and the like post nowhere
            return Optional.empty();
        }
        Set<String> placeholders = new LinkedHashSet<>();
        for (String value : fieldValues) {
            placeholders.addAll(scope.placeholdersIn(scope.redact(value)));
        }
        for (Binding binding : bindingsOf(placeholders)) {
            List<String> allowed;
            synchronized (lock) {
                allowed = List.copyOf(binding.origins);
            }
            if (!allowed.contains(target.get())) {
                return Optional.of("refused to submit a form holding credential '" + binding.name + "' to origin " + target.get()
                        + ": the credential is bound to " + (allowed.isEmpty() ? "no origin yet" : String.join(", ", allowed)));
            }
        }
        return Optional.empty();
    }

    /**
     * Why a request holding these texts (headers, body, with placeholders) must not go to {@code url}: a credential
     * among them is bound to other origins, or to none yet (an http_request never binds one: its url may come from a
     * page). Names the credential and the URL's origin, never a value.
     */
    Optional<String> refuseSending(java.util.Collection<String> texts, String url) {
        Set<String> placeholders = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null) {
                placeholders.addAll(scope.placeholdersIn(scope.redact(text)));
            }
        }
        Optional<String> target = Origins.of(url);
        for (Binding binding : bindingsOf(placeholders)) {
            List<String> allowed;
            synchronized (lock) {
                allowed = List.copyOf(binding.origins);
            }
            String where = describe(target, url);
            if (allowed.isEmpty()) {
                return Optional.of("refused to send credential '" + binding.name + "' to origin " + where
                        + ": the credential is bound to no origin yet; store it with --origin " + where
                        + " (rover credentials add ... --origin) to allow it there");
            }
            if (target.isEmpty() || !allowed.contains(target.get())) {
                return Optional.of("refused to send credential '" + binding.name + "' to origin " + where
                        + ": the credential is bound to " + String.join(", ", allowed));
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean revealsSecret(String text) {
        return !scope.isClosed() && scope.containsSecret(text);
    }

    private List<Binding> bindingsOf(Set<String> placeholders) {
        synchronized (lock) {
            List<Binding> found = new ArrayList<>();
            for (String p : placeholders) {
                Binding b = bindings.get(p);
                if (b != null && !found.contains(b)) {
                    found.add(b);
                }
            }
            return found;
        }
    }

    /** The credential's origins; an unbound one is first bound to the page's origin when the run opened that origin itself. */
    private List<String> allowedOrBind(Binding binding, String pageUrl) {
        synchronized (lock) {
            if (!binding.origins.isEmpty()) {
                return List.copyOf(binding.origins);
            }
            Optional<String> page = Origins.of(pageUrl);
            if (page.isEmpty() || !openedOrigins.contains(page.get())) {
                return List.of();
            }
            binding.origins.add(page.get());
            try {
                vault.bindOrigins(binding.id, List.of(page.get()));
            } catch (RuntimeException e) {
                log.warn("credential {} is bound to {} for this run, but the binding could not be stored: {}",
                        binding.name, page.get(), e.getMessage());
            }
            log.info("credential {} ({}) was bound to {}, the origin of the first page it was typed on", binding.id, binding.name, page.get());
            return List.copyOf(binding.origins);
        }
    }

    private static String describe(Optional<String> origin, String url) {
        if (origin.isPresent()) {
            return origin.get();
        }
        String scheme = url == null || !url.contains(":") ? "no URL" : url.substring(0, url.indexOf(':') + 1);
        return "none (" + scheme + " URL)";
    }

    /** One credential of the run and the origins it may be typed on. */
    private static final class Binding {
        final String id;
        final String name;
        final List<String> origins;

        Binding(String id, String name, List<String> origins) {
            this.id = id;
            this.name = name;
            this.origins = origins;
        }
    }
}
