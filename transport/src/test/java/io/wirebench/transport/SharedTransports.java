package io.wirebench.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Transports by name, kept for a whole test class: each managed broker boots once (RabbitMQ takes seconds), and
 * each case starts its own servers and clients on it and closes them. A test class holds one in a static field
 * and closes it in its {@code @AfterAll}.
 */
public final class SharedTransports implements AutoCloseable {
    private final TransportSettings settings;
    private final Map<String, Transport> open = new ConcurrentHashMap<>();

    public SharedTransports(TransportSettings settings) {
        this.settings = settings;
    }

    /** The transport of this name, started at its first use. */
    public Transport get(String name) {
        return open.computeIfAbsent(name, n -> Transports.byName(n, settings));
    }

    @Override
    public void close() {
        open.values().forEach(Transport::close);
        open.clear();
    }
}
