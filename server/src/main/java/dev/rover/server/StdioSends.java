package dev.rover.server;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.List;

/**
 * The SDK's stdio server transport with sends that survive each other. Its session transport (MCP Java SDK 1.1.x)
 * hands each message to a Reactor sink with {@code tryEmitNext}, which refuses a message while another thread is
 * still inside its own emit ("Failed to enqueue message"); the answer is dropped and the client's request times
 * out. Tool answers come from worker threads, so on a loaded machine two sends overlap now and then (java-sdk
 * issue 304). A refused send is tried again after a millisecond here, for up to about a second, as the SDK's later
 * fix does with a busy loop.
 */
final class StdioSends implements McpServerTransportProvider {

    private static final String REFUSED = "Failed to enqueue message";

    private final StdioServerTransportProvider delegate;

    StdioSends(StdioServerTransportProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory sessionFactory) {
        delegate.setSessionFactory(transport -> sessionFactory.create(new Retrying(transport)));
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return delegate.notifyClients(method, params);
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return delegate.notifyClient(sessionId, method, params);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public Mono<Void> closeGracefully() {
        return delegate.closeGracefully();
    }

    @Override
    public List<String> protocolVersions() {
        return delegate.protocolVersions();
    }

    /** Tries a refused send again: the SDK's send emits on subscription, so a resubscription is a new attempt. */
    private record Retrying(McpServerTransport transport) implements McpServerTransport {

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return transport.sendMessage(message).retryWhen(Retry.fixedDelay(1000, Duration.ofMillis(1))
                    .filter(e -> REFUSED.equals(e.getMessage())));
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return transport.unmarshalFrom(data, typeRef);
        }

        @Override
        public void close() {
            transport.close();
        }

        @Override
        public Mono<Void> closeGracefully() {
            return transport.closeGracefully();
        }

        @Override
        public List<String> protocolVersions() {
            return transport.protocolVersions();
        }
    }
}
