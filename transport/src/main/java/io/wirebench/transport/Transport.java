package io.wirebench.transport;

import io.wirebench.transport.server.FaultTarget;
import java.util.Map;

/**
 * One way to carry a request and its reply (NATS, HTTP, Redis, RabbitMQ, in-memory), with whatever
 * broker it needs: a transport that starts a managed server owns it and stops it on {@link #close()}.
 * Adding a transport is one class implementing this, with its {@link TransportProvider} registered in
 * {@code META-INF/services}; {@link Transports} finds it.
 */
public interface Transport extends AutoCloseable {

    /** The {@code transport} parameter token. */
    String name();

    /** A service side; handlers registered on it are reachable by every client of this transport. */
    RpcServer newServer();

    /** A caller side, with its own connection(s). */
    RpcClient newClient();

    /** Versions, addresses and settings worth recording beside results. */
    Map<String, String> describe();

    /** The server a load run's faults can break (a managed broker, or the HTTP service); null if none was started here. */
    default FaultTarget faultTarget() {
        return null;
    }

    @Override
    void close();
}
