package dev.rover.samples.cli;

import dev.rover.Rover;
import dev.rover.server.RoverMcp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/**
 * {@code rover mcp}: an MCP server on stdin and stdout for assistants that start their tools as
 * processes (Claude Code, Cursor, ...); it ends when the client closes stdin. Logs go to stderr only.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = "Serve MCP on stdin/stdout: run_task, run_workflow, get_run, list_runs, cancel_run, get_run_timeline, list_workflows.")
public final class McpCommand implements Callable<Integer> {

    @Mixin
    DataDirOption data;

    @Override
    public Integer call() throws InterruptedException {
        java.io.PrintStream protocol = RoverMcp.reserveStdout();
        try (Rover rover = data.open()) {
            RoverMcp.serveStdio(rover, System.in, protocol);
        }
        return 0;
    }
}
