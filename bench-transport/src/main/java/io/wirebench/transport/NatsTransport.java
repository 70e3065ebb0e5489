package io.wirebench.transport;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.impl.Headers;
import io.wirebench.transport.server.ManagedNatsServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Core NATS request-reply with jnats against a real {@code nats-server} (managed here unless
 * {@code natsUrl} is given). Configured as the jnats maintainers recommend for RPC: one long-lived
 * connection per client shared by all its callers (requests multiplex over one inbox subscription),
 * replies through the connection's shared reply inbox ({@code requestWithTimeout}), and on the service
 * side several {@link Dispatcher}s, each with its own thread, subscribed in one queue group, so several
 * handlers run in parallel and several service instances can share a subject. Reconnects are unlimited
 * with a 250 ms wait. Errors travel back as a {@code Wirebench-Error} header.
 */
public final class NatsTransport implements Transport {
    static final String QUEUE = "wirebench-workers";
    static final String ERROR_HEADER = "Wirebench-Error";

    private final TransportSettings settings;
    private final ManagedNatsServer server;
    private final String url;
    private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();

    public NatsTransport(TransportSettings settings) {
        this.settings = settings;
        if (settings.externalUrl() == null) {
            this.server = new ManagedNatsServer();
            server.start();
            this.url = server.url();
        } else {
            this.server = null;
            this.url = settings.externalUrl();
        }
    }

    /** A transport over an existing NATS server or cluster node. */
    public NatsTransport(TransportSettings settings, String url) {
        this(settings.withExternalUrl(url));
    }

    @Override
    public String name() {
        return "nats";
    }

    Connection connect(String role) {
        Options options = Options.builder()
                .server(url)
                .connectionName("wirebench-" + role)
                .connectionTimeout(Duration.ofSeconds(5))
                .maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(250))
                .build();
        try {
            Connection connection = Nats.connect(options);
            opened.add(connection::close);
            return connection;
        } catch (IOException e) {
            throw new RpcException(RpcException.Kind.TRANSPORT, "cannot connect to " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException(RpcException.Kind.TRANSPORT, "interrupted connecting to " + url, e);
        }
    }

    static String subject(String endpoint) {
        return "rpc." + endpoint;
    }

    @Override
    public RpcServer newServer() {
        Connection connection = connect("service");
        List<Dispatcher> dispatchers = new ArrayList<>();
        return new RpcServer() {
            @Override
            public void register(String endpoint, RpcHandler handler) {
                for (int i = 0; i < settings.responderThreads(); i++) {
                    Dispatcher dispatcher = connection.createDispatcher();
                    dispatcher.subscribe(subject(endpoint), QUEUE, msg -> respond(connection, handler, msg));
                    dispatchers.add(dispatcher);
                }
                try {
                    connection.flush(Duration.ofSeconds(5));
                } catch (Exception e) {
                    throw new RpcException(RpcException.Kind.TRANSPORT, "subscriptions not confirmed by " + url, e);
                }
            }

            @Override
            public void close() {
                dispatchers.forEach(connection::closeDispatcher);
                closeQuietly(connection);
            }
        };
    }

    private static void respond(Connection connection, RpcHandler handler, Message msg) {
        if (msg.getReplyTo() == null) {
            return;
        }
        try {
            connection.publish(msg.getReplyTo(), handler.handle(msg.getData()));
        } catch (Exception e) {
            Headers headers = new Headers().put(ERROR_HEADER, String.valueOf(e.getMessage()));
            connection.publish(msg.getReplyTo(), headers, String.valueOf(e).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public RpcClient newClient() {
        Connection connection = connect("client");
        return new RpcClient() {
            @Override
            public byte[] request(String endpoint, byte[] payload) {
                return Futures.await(requestAsync(endpoint, payload), settings.timeout(), "nats " + endpoint);
            }

            @Override
            public CompletableFuture<byte[]> requestAsync(String endpoint, byte[] payload) {
                CompletableFuture<Message> reply;
                try {
                    reply = connection.requestWithTimeout(subject(endpoint), payload, settings.timeout());
                } catch (RuntimeException e) {
                    return Futures.failed(Futures.asRpc(e, "nats " + endpoint));
                }
                return reply.handle((msg, failure) -> {
                    if (failure != null) {
                        if (failure instanceof java.util.concurrent.CancellationException) {
                            throw new RpcException(RpcException.Kind.TIMEOUT, "nats " + endpoint + ": no reply within "
                                    + settings.timeout().toMillis() + " ms", failure);
                        }
                        throw Futures.asRpc(failure, "nats " + endpoint);
                    }
                    if (msg.isStatusMessage()) {
                        throw new RpcException(msg.getStatus().getCode() == 503 ? RpcException.Kind.TRANSPORT : RpcException.Kind.REMOTE,
                                "nats " + endpoint + ": status " + msg.getStatus().getCode() + " " + msg.getStatus().getMessage());
                    }
                    if (msg.hasHeaders() && msg.getHeaders().containsKey(ERROR_HEADER)) {
                        throw new RpcException(RpcException.Kind.REMOTE, "nats " + endpoint + ": "
                                + msg.getHeaders().getFirst(ERROR_HEADER));
                    }
                    return msg.getData();
                });
            }

            @Override
            public void close() {
                closeQuietly(connection);
            }
        };
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("transport", "nats");
        d.put("url", url);
        d.put("client", "jnats " + Nats.CLIENT_VERSION);
        d.put("responders", settings.responderThreads() + " dispatchers in queue group " + QUEUE);
        d.put("server", server == null ? "external" : "managed nats-server, " + server.directory());
        return d;
    }

    public ManagedNatsServer managedServer() {
        return server;
    }

    @Override
    public void close() {
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing during shutdown; the server is stopped below either way
            }
        }
        opened.clear();
        if (server != null) {
            server.close();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
