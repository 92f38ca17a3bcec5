package dev.rover.server;

import dev.rover.Rover;

import java.nio.file.Path;
import java.util.Map;

/** What {@code rover mcp} does, as a process the MCP stdio test starts: Rover on the given data directory, MCP on stdio. */
public final class StdioMcpMain {

    /** A line the process prints on System.out after reserving stdout; the test finds it on stderr. */
    static final String NOISE = "stdout is reserved for MCP, so this line goes to stderr";

    private StdioMcpMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        java.io.PrintStream protocol = RoverMcp.reserveStdout();
        // what a chatty library would do; with stdout reserved it lands on stderr instead of breaking the client
        System.out.println(NOISE);
        try (Rover rover = Rover.builder().dataDirectory(Path.of(args[0])).environment(Map.of()).build()) {
            RoverMcp.serveStdio(rover, System.in, protocol);
        }
    }
}
