package io.wirebench.transport.inmemory;

import io.wirebench.transport.ErrorText;
import io.wirebench.transport.Futures;
import io.wirebench.transport.RequestDeadline;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcException;
import io.wirebench.transport.RpcHandler;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.Transport;
import io.wirebench.transport.TransportProvider;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.access.Security;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * No network: a client's request runs the handler on a responder thread pool of this JVM. For testing
 * the harness (reply checks, timeouts, error kinds) without servers, and as the floor of a round trip.
 */
public final class InMemoryTransport implements Transport {
    private final Map<String, Endpoint> handlers = new ConcurrentHashMap<>();
    /** Requests whose deadline passed before a responder took them. */
    private final LongAdder expired = new LongAdder();
    private final TransportSettings settings;

    /** A handler and its own responder pool, so a handler that calls another endpoint cannot starve it. */
    private record Endpoint(RpcHandler handler, ExecutorService responders) {
    }

    public InMemoryTransport(TransportSettings settings) {
        this.settings = settings;
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
                ExecutorService responders = Executors.newFixedThreadPool(settings.responderThreads(), r -> {
                    Thread t = new Thread(r, "in-memory-" + endpoint);
                    t.setDaemon(true);
                    return t;
                });
                Endpoint previous = handlers.put(endpoint, new Endpoint(handler, responders));
                if (previous != null) {
                    previous.responders().shutdownNow();
                }
            }

            @Override
            public long expired() {
                return expired.sum();
            }

            @Override
            public void close() {
                InMemoryTransport.this.close();
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
                RpcException tooLarge = RpcException.ifTooLarge("in-memory", endpoint, payload);
                if (tooLarge != null) {
                    return Futures.failed(tooLarge); // the one body limit of every transport
                }
                Endpoint target = handlers.get(endpoint);
                if (target == null) {
                    return Futures.failed(new RpcException(RpcException.Kind.TRANSPORT, "no responder for '" + endpoint + "'"));
                }
                long deadline = RequestDeadline.after(settings.timeout());
                CompletableFuture<byte[]> reply = new CompletableFuture<>();
                // a task of its own, not supplyAsync: a supplyAsync whose future already timed out skips its task
                // without a trace, and the drop would not be counted
                target.responders().execute(() -> {
                    if (RequestDeadline.passed(deadline)) {
                        expired.increment(); // the caller has given up (its future timed out): no work
                        reply.completeExceptionally(new RpcException(RpcException.Kind.TIMEOUT, endpoint + ": deadline passed before a responder took it"));
                        return;
                    }
                    try {
                        reply.complete(target.handler().handle(payload));
                    } catch (Exception e) {
                        reply.completeExceptionally(new RpcException(RpcException.Kind.REMOTE, endpoint + ": " + ErrorText.of(e), e));
                    }
                });
                return reply.orTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
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
        handlers.values().forEach(endpoint -> endpoint.responders().shutdownNow());
        handlers.clear();
    }

    /** {@code in-memory}: no network, no server (nothing travels, nothing to protect); for testing the harness. */
    public static final class Provider extends TransportProvider {
        public Provider() {
            super(describe("in-memory", InMemoryTransport::new).securities(EnumSet.of(Security.NONE)));
        }
    }
}
