package dev.rover.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rover.Rover;
import dev.rover.browser.session.BrowserSession;
import dev.rover.core.json.Json;
import dev.rover.core.secret.Credential;
import io.javalin.http.Context;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Skyvern's browser session and credential endpoints, and pushing a one-time code to a
 * {@code totp_identifier}. Credential answers carry names, kinds and origins, never a secret value.
 */
final class AccountRoutes {

    private static final Pattern CODE = Pattern.compile("(?<![0-9])([0-9]{4,8})(?![0-9])");

    private final Rover rover;

    AccountRoutes(Rover rover) {
        this.rover = rover;
    }

    void register(ApiRoutes api) {
        api.post("/browser_sessions", "Open a persistent browser session (timeout in minutes)", this::createSession);
        api.get("/browser_sessions", "Open browser sessions", ctx -> {
            ArrayNode out = Json.mapper().createArrayNode();
            rover.listBrowserSessions().forEach(s -> out.add(session(s, "running")));
            RunRoutes.json(ctx, out);
        });
        api.get("/browser_sessions/{browser_session_id}", "A browser session", ctx ->
                RunRoutes.json(ctx, session(openSession(ctx.pathParam("browser_session_id")), "running")));
        api.post("/browser_sessions/{browser_session_id}/close", "Close a browser session", ctx -> {
            BrowserSession s = openSession(ctx.pathParam("browser_session_id"));
            rover.closeBrowserSession(s.id());
            RunRoutes.json(ctx, session(s, "closed"));
        });
        api.post("/credentials", "Store a credential (password or secret); the answer never holds its values", this::createCredential);
        api.get("/credentials", "Stored credentials: names, kinds and origins", ctx -> {
            ArrayNode out = Json.mapper().createArrayNode();
            rover.credentials().list().forEach(c -> out.add(credential(c)));
            RunRoutes.json(ctx, out);
        });
        api.get("/credentials/{credential_id}", "A stored credential without its values", ctx ->
                RunRoutes.json(ctx, credential(findCredential(ctx.pathParam("credential_id")))));
        api.post("/credentials/{credential_id}/delete", "Delete a credential", ctx -> {
            Credential c = findCredential(ctx.pathParam("credential_id"));
            rover.credentials().delete(c.id());
            RunRoutes.json(ctx, credential(c).put("deleted", true));
        });
        api.post("/credentials/totp", "Hand a one-time code (or the message holding it) to runs waiting on totp_identifier",
                this::pushTotp);
    }

    private void createSession(Context ctx) {
        Fields f = Fields.parse(ctx.body().isBlank() ? "{}" : ctx.body()).only(Set.of("timeout"), Map.of(
                "url", "not supported: start a task with browser_session_id and a url instead",
                "proxy_location", "not supported for browser sessions",
                "browser_profile_id", "not supported for browser sessions"));
        Integer minutes = f.integer("timeout", 5, (int) Duration.ofHours(24).toMinutes());
        BrowserSession s = rover.createBrowserSession(minutes == null ? null : Duration.ofMinutes(minutes));
        RunRoutes.json(ctx, session(s, "running"));
    }

    private BrowserSession openSession(String id) {
        return rover.getBrowserSession(id).orElseThrow(() -> new NotFoundException("open browser session", id));
    }

    private static ObjectNode session(BrowserSession s, String status) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("browser_session_id", s.id());
        node.put("status", status);
        node.put("timeout", Duration.between(s.createdAt(), s.expiresAt()).toMinutes());
        node.putNull("browser_address");
        node.putNull("app_url");
        node.put("started_at", s.createdAt().toString());
        node.put("expires_at", s.expiresAt().toString());
        node.put("completed_at", "closed".equals(status) ? java.time.Instant.now().toString() : null);
        node.put("runnable_id", s.inUseBy().map(Object::toString).orElse(null));
        return node;
    }

    private void createCredential(Context ctx) {
        Fields f = Fields.parse(ctx.body()).only(Set.of("name", "credential_type", "credential", "origins"), Map.of());
        String name = f.requiredString("name");
        String type = f.requiredString("credential_type");
        Map<String, String> values = f.stringMap("credential");
        if (values == null) {
            throw new InvalidFieldException(List.of("body", "credential"), "field required: the credential's values");
        }
        List<String> origins = f.stringList("origins");
        origins = origins == null ? List.of() : origins;
        Credential created;
        try {
            created = switch (type) {
                case "password" -> rover.credentials().addPassword(name, need(values, "username"), need(values, "password"),
                        values.get("totp"), origins);
                case "secret" -> rover.credentials().addSecret(name, need(values, "secret_value"), origins);
                case "credit_card" -> throw new InvalidFieldException(List.of("body", "credential_type"),
                        "credit_card is not supported; allowed: password, secret");
                default -> throw new InvalidFieldException(List.of("body", "credential_type"), "allowed: password, secret");
            };
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(List.of("body"), e.getMessage());
        }
        RunRoutes.json(ctx, credential(created));
    }

    private static String need(Map<String, String> values, String key) {
        String v = values.get(key);
        if (v == null || v.isEmpty()) {
            throw new InvalidFieldException(List.of("body", "credential", key), "field required");
        }
        return v;
    }

    private Credential findCredential(String id) {
        return rover.credentials().find(id).orElseThrow(() -> new NotFoundException("credential", id));
    }

    private static ObjectNode credential(Credential c) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("credential_id", c.id());
        node.put("name", c.name());
        node.put("credential_type", c.kind().wireName());
        ArrayNode origins = node.putArray("origins");
        c.origins().forEach(origins::add);
        node.put("created_at", c.createdAt() == null ? null : c.createdAt().toString());
        return node;
    }

    private void pushTotp(Context ctx) {
        Fields f = Fields.parse(ctx.body()).only(Set.of("totp_identifier", "content", "source", "expired_at"), Map.of());
        String identifier = f.requiredString("totp_identifier");
        String content = f.requiredString("content");
        String source = f.string("source");
        Matcher m = CODE.matcher(content);
        if (!m.find()) {
            throw new InvalidFieldException(List.of("body", "content"), "holds no one-time code (4 to 8 digits)");
        }
        String expiredAt = f.string("expired_at");
        if (expiredAt != null) {
            try {
                if (java.time.OffsetDateTime.parse(expiredAt).toInstant().isBefore(java.time.Instant.now())) {
                    throw new InvalidFieldException(List.of("body", "expired_at"), "the code has expired already");
                }
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidFieldException(List.of("body", "expired_at"), "must be an ISO-8601 time with an offset");
            }
        }
        rover.pushTotpCode(identifier, m.group(1));
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("totp_identifier", identifier).put("source", source).put("created_at", java.time.Instant.now().toString())
                .put("accepted", true);
        RunRoutes.json(ctx, node);
    }
}
