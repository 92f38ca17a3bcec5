package dev.rover.server;

import dev.rover.Rover;
import dev.rover.core.json.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.http.staticfiles.Location;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.servlet.ServletHolder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Properties;

/**
 * {@code rover serve}: one process serving Skyvern's REST API (under {@code /v1} and {@code /api/v1}), the
 * web UI at {@code /}, the OpenAPI document at {@code /openapi.json} and MCP over streamable HTTP at
 * {@code /mcp}, all over one {@link Rover} (its data directory, engines and runs). Built on Javalin,
 * a thin layer over Jetty that starts in a fraction of a second.
 */
public final class RoverServer implements AutoCloseable {

    /** Where the UI's files are on the class path. */
    static final String UI = "/dev/rover/server/ui";
    /** The cookie the UI keeps the API key in, so images and downloads it links to are authorised too. */
    static final String KEY_COOKIE = "rover_api_key";

    private final Javalin app;
    private final McpServlet mcp;
    private final String url;

    private RoverServer(Javalin app, McpServlet mcp, String url) {
        this.app = app;
        this.mcp = mcp;
        this.url = url;
    }

    /** Starts serving; the server answers once this returns. */
    public static RoverServer start(Rover rover, ServerSettings settings) {
        RunService service = new RunService(rover);
        // MCP (and Reactor under it) loads on the first /mcp request, so starting the API does not wait for it
        McpServlet guardedMcp = new McpServlet(() -> RoverMcp.http(service, version()), settings.apiKey());
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = UI;
                files.location = Location.CLASSPATH;
            });
            config.jetty.modifyServletContextHandler(handler -> handler.addServlet(new ServletHolder(guardedMcp), "/mcp"));
        });
        ApiErrors.register(app);
        for (String prefix : ApiRoutes.PREFIXES) {
            app.before(prefix + "/*", ctx -> authorise(ctx, settings.apiKey()));
        }
        ApiRoutes api = new ApiRoutes(app);
        new RunRoutes(service).register(api);
        new WorkflowRoutes(rover.workflows()).register(api);
        new AccountRoutes(rover).register(api);
        api.get("/version", "Rover's version", ctx -> RunRoutes.json(ctx,
                Json.mapper().createObjectNode().put("version", version()).put("server", "rover")));
        String openApi = Json.pretty(api.openApi(version(), settings.apiKey() != null));
        app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        app.get("/ui/config.json", ctx -> RunRoutes.json(ctx, Json.mapper().createObjectNode()
                .put("key_required", settings.apiKey() != null).put("version", version())));
        try {
            app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            throw new dev.rover.core.error.InvalidRequestException("cannot listen on " + settings.host() + ":" + settings.port()
                    + ": " + rootMessage(e), e);
        }
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return new RoverServer(app, guardedMcp, "http://" + host + ":" + app.port());
    }

    /** The port it listens on (the chosen one when started with port 0). */
    public int port() {
        return app.port();
    }

    /** The base URL, for example {@code http://127.0.0.1:8000}. */
    public String url() {
        return url;
    }

    /** Stops listening; the {@link Rover} stays open (its owner closes it). */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            mcp.close();
        }
    }

    private static void authorise(Context ctx, String apiKey) {
        if (apiKey == null) {
            return;
        }
        String given = ctx.header("x-api-key");
        if (given == null) {
            given = ctx.cookie(KEY_COOKIE);
        }
        if (!matches(given, apiKey)) {
            throw new UnauthorizedResponse("missing or wrong x-api-key header");
        }
    }

    static boolean matches(String given, String apiKey) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), apiKey.getBytes(StandardCharsets.UTF_8));
    }

    /** Rover's version from the build. */
    static String version() {
        try (InputStream in = RoverServer.class.getResourceAsStream("/dev/rover/server/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /**
     * The MCP endpoint: checks the API key (Javalin's before-handlers do not reach servlets of their own)
     * and builds the MCP server on the first request.
     */
    private static final class McpServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient java.util.function.Supplier<RoverMcp.Http> factory;
        private final String apiKey;
        private transient RoverMcp.Http mcp;

        McpServlet(java.util.function.Supplier<RoverMcp.Http> factory, String apiKey) {
            this.factory = factory;
            this.apiKey = apiKey;
        }

        private synchronized HttpServlet delegate() throws jakarta.servlet.ServletException {
            if (mcp == null) {
                RoverMcp.Http created = factory.get();
                created.servlet().init(getServletConfig());
                mcp = created;
            }
            return mcp.servlet();
        }

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws jakarta.servlet.ServletException, IOException {
            if (apiKey != null && !matches(req.getHeader("x-api-key"), apiKey)) {
                resp.setStatus(401);
                resp.setContentType("application/json");
                resp.getWriter().write("{\"detail\":\"missing or wrong x-api-key header\"}");
                return;
            }
            delegate().service(req, resp);
        }

        synchronized void close() {
            if (mcp != null) {
                mcp.server().close();
            }
        }
    }
}
