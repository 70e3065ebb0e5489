package io.wirebench.transport;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * No network: a client's request runs the handler on a responder thread pool of this JVM. For testing
 * the harness (reply checks, timeouts, error kinds) without servers, and as the floor of a round trip.
 */
public final class InMemoryTransport implements Transport {
    private final Map<String, RpcHandler> handlers = new ConcurrentHashMap<>();
    private final ExecutorService responders;
    private final TransportSettings settings;

    public InMemoryTransport(TransportSettings settings) {
        this.settings = settings;
        this.responders = Executors.newFixedThreadPool(settings.responderThreads(), r -> {
            Thread t = new Thread(r, "in-memory-responder");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String name() {
        return "in-memory";
    }

    @Override
    public RpcServer newServer() {
        return new RpcServer() {
            @Override
            public void register(String endpoint, RpcHandler handler) {
                handlers.put(endpoint, handler);
            }

            @Override
            public void close() {
                handlers.clear();
            }
        };
    }

    @Override
    public RpcClient newClient() {
        return new RpcClient() {
            @Override
            public byte[] request(String endpoint, byte[] payload) {
                return Futures.await(requestAsync(endpoint, payload), settings.timeout(), "in-memory " + endpoint);
            }

            @Override
            public CompletableFuture<byte[]> requestAsync(String endpoint, byte[] payload) {
                RpcHandler handler = handlers.get(endpoint);
                if (handler == null) {
                    return Futures.failed(new RpcException(RpcException.Kind.TRANSPORT, "no responder for '" + endpoint + "'"));
                }
                return CompletableFuture.supplyAsync(() -> {
                    try {
                        return handler.handle(payload);
                    } catch (Exception e) {
                        throw new RpcException(RpcException.Kind.REMOTE, endpoint + ": " + e.getMessage(), e);
                    }
                }, responders).orTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public Map<String, String> describe() {
        return Map.of("transport", "in-memory", "responders", Integer.toString(settings.responderThreads()));
    }

    @Override
    public void close() {
        responders.shutdownNow();
    }
}
