package dev.rover.server;

import dev.rover.core.json.Json;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Answers sent from many threads at once all reach stdout, none refused by the SDK's sink. */
class StdioSendsTest {

    @Test
    void concurrentSendsAllArrive() throws Exception {
        PipedOutputStream client = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(client);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StdioSends provider = new StdioSends(new StdioServerTransportProvider(new JacksonMcpJsonMapper(Json.mapper()), in, out));
        AtomicReference<McpServerTransport> transport = new AtomicReference<>();
        provider.setSessionFactory(t -> {
            transport.set(t);
            return null; // no session: this test only sends
        });
        int threads = 4;
        int each = 300;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                sends.add(CompletableFuture.runAsync(() -> {
                    await(go);
                    for (int i = 0; i < each; i++) {
                        transport.get().sendMessage(new McpSchema.JSONRPCNotification("2.0", "n/" + thread + "/" + i, null))
                                .block(Duration.ofSeconds(10));
                    }
                }, pool));
            }
            go.countDown();
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdownNow();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (lines(out) < threads * each && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(lines(out)).isEqualTo(threads * each);
        provider.closeGracefully().block(Duration.ofSeconds(5));
        client.close();
    }

    private static long lines(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8).lines().count();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
