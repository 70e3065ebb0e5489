package io.wirebench.transport.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.wirebench.transport.ContractFixture;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.Transport;
import io.wirebench.transport.access.BodyLimit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is RabbitMQ's own beyond the contract ({@link io.wirebench.transport.TransportContractTest}): redelivery on close, the broker's body limit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RabbitMqTransportTest {
    private ContractFixture fixture;
    private Transport transport;

    @BeforeAll
    void start() {
        fixture = ContractFixture.start("rabbitmq");
        transport = fixture.transport();
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    /**
     * A service closed while it is handling requests finishes and acknowledges those first: the next service
     * on the same queue gets only the requests the first never started (the broker redelivers whatever was
     * not acknowledged, and a request handled twice would, say, count an order twice).
     */
    @Test
    void aServiceClosedMidRequestLeavesNoHandledRequestToBeHandledAgain() throws Exception {
        java.util.Set<Byte> byFirst = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.Set<Byte> bySecond = java.util.concurrent.ConcurrentHashMap.newKeySet();
        RpcServer first = transport.newServer();
        first.register("once", request -> {
            byFirst.add(request[0]);
            Thread.sleep(50);
            return request;
        });
        try (RpcClient caller = transport.newClient()) {
            java.util.List<java.util.concurrent.CompletableFuture<byte[]>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                replies.add(caller.requestAsync("once", new byte[] {(byte) i}));
            }
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
            while (byFirst.size() < 4 && System.nanoTime() < until) {
                Thread.sleep(1);
            }
            first.close(); // with handlers asleep in the middle of requests
            RpcServer second = transport.newServer();
            second.register("once", request -> {
                bySecond.add(request[0]);
                return request;
            });
            for (java.util.concurrent.CompletableFuture<byte[]> reply : replies) {
                try {
                    reply.get(5, java.util.concurrent.TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException lostWithTheFirst) {
                    // a reply the first service could not send is the caller's failure, not a second handling
                }
            }
            second.close();
        }
        java.util.Set<Byte> twice = new java.util.HashSet<>(byFirst);
        twice.retainAll(bySecond);
        assertTrue(twice.isEmpty(), "handled by both services: " + twice + " (first " + byFirst.size() + ", second " + bySecond.size() + ")");
        assertTrue(byFirst.size() + bySecond.size() >= 64, "every request was handled: " + byFirst.size() + " + " + bySecond.size());
    }

    /** The managed broker itself refuses a message over the body limit (406, channel closed), so a client that skips the check is refused too. */
    @Test
    void theManagedBrokerRefusesAMessageOverTheBodyLimit() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(((RabbitMqTransport) transport).managedServer().uri());
        byte[] oversized = new byte[(int) (BodyLimit.MAX_BYTES + BodyLimit.ENVELOPE_BYTES + 1)];
        try (Connection raw = factory.newConnection("wirebench-test-oversized")) {
            Channel channel = raw.createChannel();
            channel.queueDeclare("wirebench.test.oversized", false, false, true, null);
            channel.basicPublish("", "wirebench.test.oversized", null, oversized);
            // the refusal is asynchronous: the next synchronous call on the channel sees it
            Exception e = assertThrows(Exception.class, () -> channel.queueDeclarePassive("wirebench.test.oversized"));
            assertFalse(channel.isOpen());
            String reason = String.valueOf(channel.getCloseReason());
            assertTrue(reason.contains("406") || reason.contains("PRECONDITION_FAILED"), reason + " / " + e);
            Channel after = raw.createChannel();
            assertTrue(after.queueDeclarePassive("wirebench.test.oversized").getMessageCount() == 0, "nothing was queued");
        }
    }
}
