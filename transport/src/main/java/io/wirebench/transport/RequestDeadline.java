package io.wirebench.transport;

import java.time.Duration;

/**
 * A request's deadline travels with it, and a service does not work on a request whose caller has already
 * given up. The client stamps each request with the wall-clock time (epoch milliseconds) its timeout ends:
 * a NATS and an HTTP header ({@link #HEADER}), an AMQP header plus the message's {@code expiration} (so
 * RabbitMQ itself drops it from the queue once expired), a field of Redis's envelope. Before a handler takes
 * a request, the server checks it: past its deadline, the request is dropped without a reply and counted
 * ({@link RpcServer#expired()}). A request queued behind a paused broker or a busy service then costs
 * nothing when it finally arrives, and moves no stock. A request without a deadline (0: wrk, curl) is served.
 * Client and service share one clock here (loopback); across hosts the clocks must agree to well under a
 * timeout.
 */
public final class RequestDeadline {
    /** The NATS and HTTP header, and the AMQP header's name in lower case. */
    public static final String HEADER = "Wirebench-Deadline";

    private RequestDeadline() {
    }

    /** The deadline of a request sent now with {@code timeout}: epoch milliseconds. */
    public static long after(Duration timeout) {
        return System.currentTimeMillis() + timeout.toMillis();
    }

    /** The deadline a header carries, or 0 (none) when it is absent or not a number. */
    public static long parse(String header) {
        if (header == null || header.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** True when {@code deadline} (epoch milliseconds; 0: none) has passed. */
    public static boolean passed(long deadline) {
        return deadline > 0 && System.currentTimeMillis() > deadline;
    }
}
