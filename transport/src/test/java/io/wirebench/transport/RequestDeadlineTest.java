package io.wirebench.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A request carries its deadline, and a service does not work on one whose caller has given up: one responder,
 * busy 600 ms with the first request, while three more (300 ms timeout) wait behind it; when it is free their
 * deadlines have passed, so the handler runs once and the server counts three dropped (on RabbitMQ the
 * broker may drop some from the queue itself, by their expiration, before they are delivered).
 */
class RequestDeadlineTest {

    @ParameterizedTest
    @MethodSource("io.wirebench.transport.Transports#names")
    void requestsPastTheirDeadlineAreDroppedAndCounted(String name) {
        AtomicInteger handled = new AtomicInteger();
        try (Transport transport = Transports.byName(name, new TransportSettings(Duration.ofMillis(300), 1, null))) {
            RpcServer server = transport.newServer();
            server.register("slow", request -> {
                if (request.length == 0) {
                    return request; // nats-cluster's empty probe for the route to the service, before any caller's request
                }
                handled.incrementAndGet();
                Thread.sleep(600);
                return request;
            });
            server.register("ping", request -> request);
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                try (RpcClient client = transport.newClient()) {
                    // the connection made (and its classes loaded) first, so the first slow request's deadline meets the
                    // handler's queue, not a cold channel's setup: a cold gRPC channel took over 300 ms on a loaded machine
                    connect(client);
                    List<CompletableFuture<byte[]>> replies = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        replies.add(client.requestAsync("slow", new byte[] {(byte) i}));
                    }
                    for (CompletableFuture<byte[]> reply : replies) {
                        reply.handle((r, failure) -> null).get(); // answered late or timed out: each ends
                    }
                    long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                    while (handled.get() + server.expired() < 4 && !name.equals("rabbitmq") && System.nanoTime() < until) {
                        Thread.sleep(20);
                    }
                    Thread.sleep(800); // a handler wrongly started on a late request would have begun by now
                }
                assertEquals(1, handled.get(), name + ": only the request taken before its deadline was worked on");
                if (!name.equals("rabbitmq")) {
                    assertEquals(3, server.expired(), name + ": the three late requests were counted");
                }
            });
            server.close();
        }
    }

    /** Pings until one answers within the 300 ms timeout (a cold channel's first ones may not), for at most 10 s. */
    private static void connect(RpcClient client) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                client.request("ping", new byte[] {9});
                return;
            } catch (RpcException e) {
                if (e.kind() != RpcException.Kind.TIMEOUT || System.nanoTime() > until) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    @Test
    void aDeadlineIsEpochMillisAndNoneIsServed() {
        long deadline = RequestDeadline.after(Duration.ofSeconds(1));
        assertTrue(Math.abs(deadline - System.currentTimeMillis() - 1000) < 200, "epoch milliseconds a timeout from now");
        assertTrue(!RequestDeadline.passed(deadline));
        assertTrue(RequestDeadline.passed(System.currentTimeMillis() - 1));
        assertEquals(0, RequestDeadline.parse(null));
        assertEquals(0, RequestDeadline.parse("soon"));
        assertTrue(!RequestDeadline.passed(0), "a request without a deadline (wrk, curl) is served");
    }
}
