package dev.rover.samples.cli;

import dev.rover.Rover;
import dev.rover.server.RoverMcp;
import io.modelcontextprotocol.server.McpSyncServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

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
        CountDownLatch closed = new CountDownLatch(1);
        InputStream in = new FilterInputStream(System.in) {
            @Override
            public int read() throws IOException {
                return ended(super.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return ended(super.read(b, off, len));
            }

            private int ended(int n) {
                if (n < 0) {
                    closed.countDown();
                }
                return n;
            }
        };
        try (Rover rover = data.open()) {
            McpSyncServer server = RoverMcp.stdio(rover, in, System.out);
            try {
                closed.await();
            } finally {
                server.close();
            }
        }
        return 0;
    }
}
