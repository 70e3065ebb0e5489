package io.wirebench.e2e.faults;

import io.wirebench.transport.RpcHandler;
import io.wirebench.transport.RpcServer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Added latency per service, switched while the services run: what the load runner's {@code slow} fault
 * does. A service is named by the first segment of its endpoints ({@code payment.charge} belongs to
 * {@code payment}, {@code orders.validate} to {@code orders}). Each request the service handles first waits
 * its current delay on the responder's own thread, before the handler runs, so the instance is slow the
 * way a real one is (a slow disk, a stalled downstream): its responders are held and its capacity drops,
 * and callers see it through the transport. With no delay set, a request costs one volatile read.
 */
public final class ServiceDelays {
    private final Map<String, AtomicLong> delays = new ConcurrentHashMap<>();

    /** The service an endpoint belongs to: its name up to the first dot. */
    public static String serviceOf(String endpoint) {
        int dot = endpoint.indexOf('.');
        return dot < 0 ? endpoint : endpoint.substring(0, dot);
    }

    /** {@code server}, whose handlers wait their service's delay first; closing it closes {@code server}. */
    public RpcServer wrap(RpcServer server) {
        return new RpcServer() {
            @Override
            public void register(String endpoint, RpcHandler handler) {
                AtomicLong delay = delays.computeIfAbsent(serviceOf(endpoint), name -> new AtomicLong());
                server.register(endpoint, request -> {
                    long nanos = delay.get();
                    if (nanos > 0) {
                        TimeUnit.NANOSECONDS.sleep(nanos);
                    }
                    return handler.handle(request);
                });
            }

            @Override
            public long expired() {
                return server.expired();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    /** The services registered through {@link #wrap}, by name. */
    public Set<String> services() {
        return new TreeSet<>(delays.keySet());
    }

    /** From now on each request to {@code service} waits {@code delay} first. */
    public void slow(String service, Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a delay must not be negative, was " + delay);
        }
        delayOf(service).set(delay.toNanos());
    }

    /** {@code service} answers at its own speed again. */
    public void normal(String service) {
        delayOf(service).set(0);
    }

    private AtomicLong delayOf(String service) {
        AtomicLong delay = delays.get(service);
        if (delay == null) {
            throw new IllegalArgumentException("no service '" + service + "' here; the services of this scenario are: "
                    + String.join(", ", services()));
        }
        return delay;
    }
}
