package io.wirebench.transport;

import io.wirebench.transport.server.FaultTarget;
import io.wirebench.transport.server.ManagedServer;
import java.util.ArrayList;
import java.util.List;

/**
 * A transport that runs on a broker (NATS, Redis, RabbitMQ): the managed servers it started, none when it was given an
 * external one, and the connections its clients and servers opened. The first server is the one a fault targets; on
 * close the connections go first, then the servers, the last started first.
 */
public abstract class BrokerTransport<S extends ManagedServer> implements Transport {
    /** What this transport's clients and servers opened, closed before the servers. */
    protected final Resources opened = new Resources();
    private final List<S> servers = new ArrayList<>();

    /** Takes {@code server} (already started) as this transport's own: its fault target if first, closed with it. */
    protected final S own(S server) {
        servers.add(server);
        return server;
    }

    /** The managed servers, in the order started; empty for an external one. */
    protected final List<S> servers() {
        return List.copyOf(servers);
    }

    /** The managed server (the first node of a cluster); null for an external server. */
    public final S managedServer() {
        return servers.isEmpty() ? null : servers.get(0);
    }

    /** What {@link #describe()} says of the server: external, or the managed one and where it keeps its files. */
    protected final String serverLine() {
        S first = managedServer();
        return first == null ? "external" : "managed " + first.name() + ", " + first.directory();
    }

    @Override
    public final FaultTarget faultTarget() {
        return managedServer();
    }

    @Override
    public void close() {
        opened.close();
        for (int i = servers.size() - 1; i >= 0; i--) {
            servers.get(i).close();
        }
    }
}
