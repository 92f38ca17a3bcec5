package dev.rover.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rover.core.json.Json;
import io.javalin.Javalin;
import io.javalin.http.Handler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registers each API operation under {@code /v1} and Skyvern's legacy {@code /api/v1}, and remembers it,
 * so that the OpenAPI document at {@code /openapi.json} lists exactly the routes the server answers.
 */
final class ApiRoutes {

    static final List<String> PREFIXES = List.of("/v1", "/api/v1");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([a-z_]+)}");

    /** One documented operation. */
    record Operation(String method, String path, String summary, List<String> query) {
    }

    private final Javalin app;
    private final List<Operation> operations = new ArrayList<>();

    ApiRoutes(Javalin app) {
        this.app = app;
    }

    void get(String path, String summary, Handler handler, String... query) {
        operations.add(new Operation("get", path, summary, List.of(query)));
        PREFIXES.forEach(prefix -> app.get(prefix + path, handler));
    }

    void post(String path, String summary, Handler handler, String... query) {
        operations.add(new Operation("post", path, summary, List.of(query)));
        PREFIXES.forEach(prefix -> app.post(prefix + path, handler));
    }

    /** The OpenAPI 3.1 document of every registered operation, with the {@code x-api-key} scheme. */
    ObjectNode openApi(String version, boolean keyRequired) {
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put("openapi", "3.1.0");
        doc.putObject("info").put("title", "Rover API").put("version", version)
                .put("description", "Skyvern-compatible REST API of rover serve. Field names are snake_case; errors are "
                        + "{\"detail\": ...} with 400, 401, 404, 409, 413 or 422.");
        doc.putArray("servers").addObject().put("url", "/");
        ObjectNode schemes = doc.putObject("components").putObject("securitySchemes");
        schemes.putObject("ApiKeyAuth").put("type", "apiKey").put("in", "header").put("name", "x-api-key");
        if (keyRequired) {
            doc.putArray("security").addObject().putArray("ApiKeyAuth");
        }
        Map<String, ObjectNode> paths = new TreeMap<>();
        for (String prefix : PREFIXES) {
            for (Operation op : operations) {
                ObjectNode item = paths.computeIfAbsent(prefix + op.path(), p -> Json.mapper().createObjectNode());
                ObjectNode o = item.putObject(op.method());
                o.put("summary", op.summary());
                o.put("operationId", op.method() + prefix.replace('/', '_') + op.path().replaceAll("[^a-z_]+", "_"));
                if (prefix.startsWith("/api")) {
                    o.put("deprecated", true);
                }
                ArrayNode params = o.putArray("parameters");
                Matcher m = PATH_PARAM.matcher(op.path());
                while (m.find()) {
                    params.addObject().put("name", m.group(1)).put("in", "path").put("required", true)
                            .putObject("schema").put("type", "string");
                }
                op.query().forEach(q -> params.addObject().put("name", q).put("in", "query").put("required", false)
                        .putObject("schema").put("type", "string"));
                if ("post".equals(op.method())) {
                    o.putObject("requestBody").put("required", false).putObject("content")
                            .putObject("application/json").putObject("schema").put("type", "object");
                }
                ObjectNode responses = o.putObject("responses");
                responses.putObject("200").put("description", "OK").putObject("content")
                        .putObject("application/json").putObject("schema").put("type", "object");
                for (String code : List.of("400", "401", "404", "422")) {
                    responses.putObject(code).put("description", switch (code) {
                        case "400" -> "the request cannot run";
                        case "401" -> "missing or wrong x-api-key";
                        case "404" -> "unknown id";
                        default -> "a field is missing, of the wrong type or not allowed";
                    });
                }
            }
        }
        ObjectNode pathsNode = doc.putObject("paths");
        paths.forEach(pathsNode::set);
        return doc;
    }
}
