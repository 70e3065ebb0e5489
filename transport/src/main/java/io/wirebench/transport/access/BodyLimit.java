package io.wirebench.transport.access;

/**
 * The largest request body a service boundary accepts, the same on every transport: 16 MiB unless
 * {@code -Dwirebench.maxBody=N} (bytes) says otherwise ({@code -Dwirebench.http.maxBody} is still read).
 * Enforced where the body would first be buffered: the HTTP service answers 413 from the declared length;
 * the managed brokers are configured with it (redis-server's {@code proto-max-bulk-len}, RabbitMQ's
 * {@code max_message_size}), and the Redis and RabbitMQ clients refuse a larger body before they send it,
 * as jnats does against nats-server's {@code max_payload} (8 MB), so a broker never has to close a
 * connection or channel that other requests share.
 */
public final class BodyLimit {
    /** In bytes. */
    public static final long MAX_BYTES = Long.getLong("wirebench.maxBody", Long.getLong("wirebench.http.maxBody", 16L << 20));

    /** Room for the envelope a transport puts around a body (ids, reply address), so a body at the limit still fits the broker's limit. */
    public static final long ENVELOPE_BYTES = 64 << 10;

    private BodyLimit() {
    }

}
