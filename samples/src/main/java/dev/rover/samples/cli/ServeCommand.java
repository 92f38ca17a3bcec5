package dev.rover.samples.cli;

import dev.rover.Rover;
import dev.rover.core.env.EnvironmentVariables;
import dev.rover.server.RoverServer;
import dev.rover.server.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code rover serve}: Skyvern's REST API, the web UI and MCP over HTTP from one process on the same data
 * directory and engines as the other commands, until the process is stopped (Ctrl-C).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the Skyvern-compatible API (/v1), the web UI (/) and MCP (/mcp).",
                "The API key comes from ROVER_API_KEY (sent as x-api-key); without one only 127.0.0.1 may be bound."})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8000", description = "Port to listen on; 0 picks a free one (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--max-runs", paramLabel = "N", defaultValue = "4", description = "Runs executing at once; more wait queued (default ${DEFAULT-VALUE}).")
    int maxRuns;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = ServerSettings.of(host, port, EnvironmentVariables.of(data.setup().environment()));
        if (maxRuns < 1) {
            throw new IllegalArgumentException("--max-runs must be at least 1, not " + maxRuns);
        }
        Rover rover = data.open(builder -> builder.concurrency(maxRuns));
        RoverServer server;
        try {
            server = RoverServer.start(rover, settings);
        } catch (RuntimeException e) {
            rover.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } finally {
                rover.close();
                stopped.countDown();
            }
        }, "rover-serve-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("rover: serving " + rover.dataDirectory() + " on " + server.url()
                + " (UI " + server.url() + "/, API " + server.url() + "/v1, MCP " + server.url() + "/mcp"
                + (settings.apiKey() == null ? ", no API key" : ", x-api-key required") + "); Ctrl-C stops");
        out.flush();
        stopped.await();
        return 0;
    }
}
