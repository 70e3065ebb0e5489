package io.wirebench.transport.nats;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.impl.Headers;
import io.wirebench.transport.BrokerTransport;
import io.wirebench.transport.Deadlines;
import io.wirebench.transport.ErrorText;
import io.wirebench.transport.Futures;
import io.wirebench.transport.LibraryVersions;
import io.wirebench.transport.ManagedSleep;
import io.wirebench.transport.RequestDeadline;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcException;
import io.wirebench.transport.RpcHandler;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.TransportProvider;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.access.Security;
import io.wirebench.transport.server.FreePorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Core NATS request-reply with jnats against a real {@code nats-server} (managed here unless
 * {@code natsUrl} is given). Configured as the jnats maintainers recommend for RPC: one long-lived
 * connection per client shared by all its callers (requests multiplex over one inbox subscription),
 * replies through the connection's shared reply inbox ({@code requestWithTimeout}), and on the service
 * side several {@link Dispatcher}s, each with its own thread, subscribed in one queue group, so several
 * handlers run in parallel and several service instances can share a subject. Reconnects are unlimited
 * with a 250 ms wait. Errors travel back as a {@code Wirebench-Error} header. {@link #cluster} gives the
 * {@code nats-cluster} variant: three routed nodes, service and callers on different nodes.
 */
public final class NatsTransport extends BrokerTransport<ManagedNatsServer> {
    static final String QUEUE = "wirebench-workers";
    static final String ERROR_HEADER = "Wirebench-Error";

    private final TransportSettings settings;
    private final String name;
    private final String serviceUrl;
    private final String clientUrl;

    public NatsTransport(TransportSettings settings) {
        this.settings = settings;
        this.name = "nats";
        settings.requireCredentialsFor(name);
        if (settings.externalUrl() == null) {
            ManagedNatsServer server = new ManagedNatsServer();
            server.secure(settings.security());
            server.bind(settings.bind());
            server.start();
            this.serviceUrl = own(server).url();
        } else {
            this.serviceUrl = settings.externalUrl();
        }
        this.clientUrl = serviceUrl;
    }

    private NatsTransport(TransportSettings settings, String name, List<ManagedNatsServer> servers, String serviceUrl, String clientUrl) {
        this.settings = settings;
        this.name = name;
        servers.forEach(this::own);
        this.serviceUrl = serviceUrl;
        this.clientUrl = clientUrl;
    }

    /**
     * Three {@code nats-server}s joined by routes on loopback; services connect to the first node,
     * callers to the third, so every request and reply crosses a cluster hop.
     */
    private static NatsTransport cluster(TransportSettings settings) {
        int[] clusterPorts = {FreePorts.pick(), FreePorts.pick(), FreePorts.pick()};
        List<ManagedNatsServer> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                List<Integer> routes = new ArrayList<>();
                for (int j = 0; j < 3; j++) {
                    if (j != i) {
                        routes.add(clusterPorts[j]);
                    }
                }
                ManagedNatsServer node = new ManagedNatsServer().clustered(clusterPorts[i], routes);
                node.start();
                nodes.add(node);
            }
        } catch (RuntimeException e) {
            nodes.forEach(ManagedNatsServer::close);
            throw e;
        }
        return new NatsTransport(settings, "nats-cluster", nodes, nodes.get(0).url(), nodes.get(2).url());
    }

    @Override
    public String name() {
        return name;
    }

    Connection connect(String role) {
        String url = role.equals("service") ? serviceUrl : clientUrl;
        Options.Builder builder = Options.builder()
                .server(url)
                .connectionName("wirebench-" + role)
                .connectionTimeout(Duration.ofSeconds(5))
                .maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(250));
        if (settings.security().authenticates()) {
            builder.token(settings.secret().toCharArray());
        }
        if (settings.security().encrypts()) {
            builder.sslContext(settings.clientTls());
        }
        Options options = builder.build();
        try {
            Connection connection = Nats.connect(options);
            opened.add(connection);
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
        LongAdder expired = new LongAdder();
        return new RpcServer() {
            @Override
            public void register(String endpoint, RpcHandler handler) {
                for (int i = 0; i < settings.responderThreads(); i++) {
                    Dispatcher dispatcher = connection.createDispatcher();
                    dispatcher.subscribe(subject(endpoint), QUEUE, msg -> {
                        if (msg.hasHeaders() && RequestDeadline.passed(RequestDeadline.parse(msg.getHeaders().getFirst(RequestDeadline.HEADER)))) {
                            expired.increment(); // the caller has given up: no work, no reply
                            return;
                        }
                        respond(connection, handler, msg);
                    });
                    dispatchers.add(dispatcher);
                }
                try {
                    connection.flush(Duration.ofSeconds(5));
                } catch (Exception e) {
                    throw new RpcException(RpcException.Kind.TRANSPORT, "subscriptions not confirmed by " + serviceUrl, e);
                }
                if (!clientUrl.equals(serviceUrl)) {
                    awaitInterest(subject(endpoint));
                }
            }

            @Override
            public long expired() {
                return expired.sum();
            }

            @Override
            public void close() {
                dispatchers.forEach(connection::closeDispatcher);
                closeQuietly(connection);
            }
        };
    }

    /**
     * In a cluster, a subscription reaches the other nodes a moment after it is made; until then a caller
     * there gets "no responders". Any answer from the caller's node (even an error reply to this empty
     * probe) shows the route is in place. Bounded: 10 s.
     */
    private void awaitInterest(String subject) {
        Connection probe = connect("client");
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    Message reply = probe.requestWithTimeout(subject, new byte[0], Duration.ofSeconds(1)).get();
                    if (!reply.isStatusMessage()) {
                        return;
                    }
                } catch (Exception notYet) {
                    // no responders yet, or timed out: try again
                }
                ManagedSleep.pause(50);
            }
            throw new RpcException(RpcException.Kind.TRANSPORT, subject + ": no route from " + clientUrl + " to the service on "
                    + serviceUrl + " within 10 s");
        } finally {
            opened.remove(probe);
            closeQuietly(probe);
        }
    }

    private static void respond(Connection connection, RpcHandler handler, Message msg) {
        if (msg.getReplyTo() == null) {
            return;
        }
        try {
            connection.publish(msg.getReplyTo(), handler.handle(msg.getData()));
        } catch (Exception e) {
            // the text goes in the body: a header value must be printable ASCII, and an exception's message need not be
            connection.publish(msg.getReplyTo(), new Headers().put(ERROR_HEADER, "1"), ErrorText.of(e).getBytes(StandardCharsets.UTF_8));
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
                    // jnats expires requests from a cleanup timer; while it reconnects that may lag: bound it here too
                    Headers deadline = new Headers().put(RequestDeadline.HEADER, Long.toString(RequestDeadline.after(settings.timeout())));
                    reply = Deadlines.bound(connection.requestWithTimeout(subject(endpoint), deadline, payload, settings.timeout()),
                            settings.timeout().plusSeconds(1), TimeoutException::new);
                } catch (RuntimeException e) {
                    return Futures.failed(Futures.asRpc(e, "nats " + endpoint));
                }
                return reply.handle((msg, failure) -> {
                    if (failure != null) {
                        if (failure instanceof CancellationException
                                || failure instanceof TimeoutException) {
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
                                + new String(msg.getData(), StandardCharsets.UTF_8));
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
        d.put("transport", name);
        d.put("url", clientUrl.equals(serviceUrl) ? clientUrl : "service " + serviceUrl + ", callers " + clientUrl);
        d.put("client", "jnats " + LibraryVersions.of("io.nats", "jnats"));
        d.put("security", settings.security().describe("TLS, token", "token"));
        d.put("responders", settings.responderThreads() + " dispatchers in queue group " + QUEUE);
        List<ManagedNatsServer> nodes = servers();
        d.put("server", nodes.isEmpty() ? "external" : nodes.size() + " managed nats-server(s), " + nodes.get(0).directory().getParent());
        return d;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code nats}: one managed {@code nats-server}, or an external one ({@code -DnatsUrl}, {@code WIREBENCH_NATS_URL}). */
    public static final class Provider extends TransportProvider {
        public Provider() {
            super(describe("nats", NatsTransport::new).external("natsUrl", "WIREBENCH_NATS_URL", "nats", "nats").faultTarget("nats").server(ManagedNatsServer.PROGRAM)
                    .floor(NatsBareLoop::measure));
        }
    }

    /** {@code nats-cluster}: three routed managed nodes ({@link #cluster}); {@code none} only, its routes are not secured. */
    public static final class ClusterProvider extends TransportProvider {
        public ClusterProvider() {
            super(describe("nats-cluster", NatsTransport::cluster).faultTarget("nats").server(ManagedNatsServer.PROGRAM).securities(EnumSet.of(Security.NONE)));
        }
    }
}
