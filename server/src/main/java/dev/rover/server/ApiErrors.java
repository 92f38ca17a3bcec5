package dev.rover.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rover.core.definition.DefinitionException;
import dev.rover.core.definition.DefinitionProblem;
import dev.rover.core.error.InvalidRequestException;
import dev.rover.core.error.RoverStateException;
import dev.rover.core.error.RunNotFoundException;
import dev.rover.core.json.Json;
import dev.rover.core.run.SortableId;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps failures to answers in FastAPI's shape ({@code {"detail": ...}}) as Skyvern's clients expect: 422
 * with each field's path for a bad field or definition, 400 for a request that cannot run, 404 for an
 * unknown id, 409 for a run in the wrong state; anything unexpected is logged and answered 500 with a
 * reference, never with a stack trace.
 */
final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    static void register(Javalin app) {
        app.exception(InvalidFieldException.class, (e, ctx) -> {
            ObjectNode body = Json.mapper().createObjectNode();
            ObjectNode item = body.putArray("detail").addObject();
            ArrayNode loc = item.putArray("loc");
            e.location().forEach(loc::add);
            item.put("msg", e.problem()).put("type", "value_error");
            send(ctx, 422, body);
        });
        app.exception(DefinitionException.class, (e, ctx) -> {
            ObjectNode body = Json.mapper().createObjectNode();
            ArrayNode detail = body.putArray("detail");
            for (DefinitionProblem p : e.problems()) {
                ObjectNode item = detail.addObject();
                ArrayNode loc = item.putArray("loc");
                loc.add("definition");
                Arrays.stream(p.path().split("\\.")).filter(s -> !s.isEmpty()).forEach(loc::add);
                item.put("msg", p.message()).put("type", "definition_error")
                        .put("line", p.position().line()).put("column", p.position().column());
            }
            send(ctx, 422, body);
        });
        app.exception(RunNotFoundException.class, (e, ctx) -> detail(ctx, 404, e.getMessage()));
        app.exception(NotFoundException.class, (e, ctx) -> detail(ctx, 404, e.getMessage()));
        app.exception(InvalidRequestException.class, (e, ctx) -> detail(ctx, 400, e.getMessage()));
        app.exception(RoverStateException.class, (e, ctx) -> detail(ctx, 409, e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> detail(ctx, e.getStatus(), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            String reference = SortableId.next("err_");
            LOG.error("{} {} failed (reference {})", ctx.method(), ctx.path(), reference, e);
            detail(ctx, 500, "internal error; the server log has the details under reference " + reference);
        });
    }

    static void detail(Context ctx, int status, String message) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("detail", message);
        send(ctx, status, body);
    }

    private static void send(Context ctx, int status, ObjectNode body) {
        ctx.status(status).contentType("application/json").result(Json.compact(body));
    }

    /** Query parameter values, also when a client repeats a parameter or separates values with commas. */
    static List<String> multi(Context ctx, String name) {
        List<String> out = new ArrayList<>();
        for (String v : ctx.queryParams(name)) {
            Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
        }
        return out;
    }
}
