package io.wirebench.transport.nats;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.wirebench.transport.LibraryVersions;
import io.wirebench.transport.RpcHandler;
import io.wirebench.transport.floor.BareLoop;
import io.wirebench.transport.floor.FloorPlan;
import io.wirebench.transport.floor.PeerResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * jnats with nothing around it: callers share one connection and call {@code Connection.request} (the
 * synchronous request over the connection's reply inbox); the service side is {@code responders}
 * {@code Dispatcher}s in one queue group on a second connection, each publishing the handler's answer.
 */
final class NatsBareLoop implements BareLoop {
    private static final String SUBJECT = "peer.orders";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Connection service;
    private final Connection callers;

    /** The floor of {@code nats}: this loop against a managed nats-server started for it. */
    static List<PeerResult> measure(FloorPlan plan) throws Exception {
        return plan.measureOn(new ManagedNatsServer(), server -> new NatsBareLoop(server.url(), plan.handler(), plan.responders()));
    }

    NatsBareLoop(String url, RpcHandler handler, int responders) throws Exception {
        service = Nats.connect(options(url, "peer-service"));
        for (int i = 0; i < responders; i++) {
            service.createDispatcher().subscribe(SUBJECT, "peer-workers", msg -> {
                try {
                    service.publish(msg.getReplyTo(), handler.handle(msg.getData()));
                } catch (Exception e) {
                    service.publish(msg.getReplyTo(), new byte[0]); // an empty reply: the caller's check fails loudly
                }
            });
        }
        service.flush(TIMEOUT);
        callers = Nats.connect(options(url, "peer-callers"));
    }

    private static Options options(String url, String name) {
        return Options.builder().server(url).connectionName(name).connectionTimeout(TIMEOUT).build();
    }

    @Override
    public String transport() {
        return "nats";
    }

    @Override
    public String tool() {
        return "jnats: Connection.request loop, one shared connection";
    }

    @Override
    public String version() {
        return LibraryVersions.of("io.nats", "jnats");
    }

    @Override
    public Caller newCaller() {
        return new Caller() {
            @Override
            public byte[] call(byte[] request) throws Exception {
                Message reply = callers.request(SUBJECT, request, TIMEOUT);
                if (reply == null) {
                    throw new TimeoutException("nats: no reply within " + TIMEOUT.toMillis() + " ms");
                }
                return reply.getData();
            }

            @Override
            public void close() {
                // the connection is shared: closed with the loop
            }
        };
    }

    @Override
    public void close() {
        for (Connection c : new Connection[] {callers, service}) {
            try {
                c.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
