package dev.rover.server;

import dev.rover.Rover;

import java.nio.file.Path;
import java.util.Map;

/** What {@code rover mcp} does, as a process the MCP stdio test starts: Rover on the given data directory, MCP on stdio. */
public final class StdioMcpMain {

    private StdioMcpMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (Rover rover = Rover.builder().dataDirectory(Path.of(args[0])).environment(Map.of()).build()) {
            RoverMcp.serveStdio(rover, System.in, System.out);
        }
    }
}
