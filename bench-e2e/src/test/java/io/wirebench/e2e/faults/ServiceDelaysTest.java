package io.wirebench.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.inmemory.InMemoryTransport;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceDelaysTest {
    /** Long enough that an in-process request not slowed stays far below it on any machine. */
    private static final Duration SLOW = Duration.ofMillis(1_500);

    @Test
    void aServiceIsItsEndpointsFirstSegment() {
        assertEquals("payment", ServiceDelays.serviceOf("payment.charge"));
        assertEquals("orders", ServiceDelays.serviceOf("orders.validate"));
        assertEquals("echo", ServiceDelays.serviceOf("echo"));
    }

    @Test
    void onlyTheSlowedServiceWaitsAndOnlyWhileItIsSlow() throws Exception {
        ServiceDelays delays = new ServiceDelays();
        try (InMemoryTransport transport = new InMemoryTransport(new TransportSettings(Duration.ofSeconds(5), 2, null));
             RpcServer server = delays.wrap(transport.newServer());
             RpcClient client = transport.newClient()) {
            server.register("payment.charge", request -> request);
            server.register("inventory.reserve", request -> request);
            assertEquals(Set.of("inventory", "payment"), delays.services());

            delays.slow("payment", SLOW);
            long start = System.nanoTime();
            assertArrayEquals(new byte[] {1}, client.request("payment.charge", new byte[] {1}), "the reply is the handler's");
            long slowed = System.nanoTime() - start;
            assertTrue(slowed >= SLOW.toNanos(), "the request waited the delay (1.5 s): " + slowed / 1e6 + " ms");
            // the other service is not touched: its request does not wait 1.5 s (a lower bound of the slowed one, not a speed claim)
            start = System.nanoTime();
            client.request("inventory.reserve", new byte[] {2});
            assertTrue(System.nanoTime() - start < SLOW.toNanos(), "inventory is not slowed");

            delays.normal("payment");
            start = System.nanoTime();
            client.request("payment.charge", new byte[] {3});
            assertTrue(System.nanoTime() - start < SLOW.toNanos(), "payment is back to its own speed");
        }
    }

    @Test
    void anUnknownServiceIsRefusedWithTheKnownOnes() {
        ServiceDelays delays = new ServiceDelays();
        try (InMemoryTransport transport = new InMemoryTransport(new TransportSettings(Duration.ofSeconds(5), 1, null));
             RpcServer server = delays.wrap(transport.newServer())) {
            server.register("files.chunk", request -> request);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> delays.slow("payment", Duration.ofMillis(1)));
            assertTrue(e.getMessage().contains("no service 'payment'") && e.getMessage().contains("files"), e.getMessage());
        }
    }
}
