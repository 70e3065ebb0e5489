package io.wirebench.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every transport in the registry must do, against its real server: carry a request to its handler and
 * the reply back (sync, async, many in flight, large bodies), report a throwing handler as REMOTE and keep
 * serving, fail an unanswerable request within its timeout (TIMEOUT or TRANSPORT, never REMOTE) instead of
 * hanging, and, where it runs on a managed broker, keep {@code requestAsync} off the network while that broker
 * is stopped. One run of the class per {@link Transports#names()}: a new transport is tested without a test class.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("transports")
class TransportContractTest {
    static final Duration TIMEOUT = ContractFixture.TIMEOUT;

    @Parameter
    String transportName;

    static ContractFixture fixture;
    static Transport transport;
    static RpcClient client;

    static List<String> transports() {
        return Transports.names();
    }

    @BeforeParameterizedClassInvocation
    static void start(String name) {
        fixture = ContractFixture.start(name);
        transport = fixture.transport();
        client = fixture.client();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
        fixture = null;
    }

    @Test
    void carriesTheRequestAndTheReply() {
        assertArrayEquals(new byte[] {3, 2, 1}, client.request("reverse", new byte[] {1, 2, 3}));
        assertArrayEquals(new byte[] {9, 8}, client.requestAsync("reverse", new byte[] {8, 9}).join());
    }

    @Test
    void manyRequestsInFlightGetTheirOwnReplies() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            List<CompletableFuture<byte[]>> replies = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                replies.add(client.requestAsync("reverse", ByteBuffer.allocate(4).putInt(i).array()));
            }
            for (int i = 0; i < replies.size(); i++) {
                byte[] reversed = ByteBuffer.allocate(4).putInt(Integer.reverseBytes(i)).array();
                assertArrayEquals(reversed, replies.get(i).join(), "reply #" + i);
            }
        });
    }

    /**
     * Async means async: with the broker stopped (SIGSTOP), {@code requestAsync} still returns at once (a
     * caller's thread does no network round trip), and every request is answered once the broker resumes.
     * For the transports that run on a managed broker (a server from a Debian package); a service in this JVM
     * (HTTP, gRPC) or the in-memory transport has none.
     */
    @Test
    void requestAsyncDoesNotWaitForAStoppedBroker() {
        if (!(transport.faultTarget() instanceof io.wirebench.transport.server.ManagedServer broker)) {
            assertEquals(List.of(), Transports.provider(transportName).servers(),
                    transportName + " needs a server package, so it should run on a managed broker, its fault target: " + transport.faultTarget());
            return;
        }
        List<CompletableFuture<byte[]>> replies = new ArrayList<>();
        long elapsed;
        broker.pause();
        try {
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                for (int i = 0; i < 20; i++) {
                    replies.add(client.requestAsync("reverse", new byte[] {(byte) i, 1}));
                }
            });
            elapsed = System.nanoTime() - start;
            assertTrue(replies.stream().noneMatch(CompletableFuture::isDone), "no reply can come from a stopped broker");
        } finally {
            broker.resume();
        }
        assertTrue(elapsed < Duration.ofSeconds(1).toNanos(), "20 requestAsync calls took " + elapsed / 1_000_000
                + " ms against a stopped broker: the caller's thread waited on the network");
        for (int i = 0; i < replies.size(); i++) {
            assertArrayEquals(new byte[] {1, (byte) i}, replies.get(i).join(), "reply #" + i);
        }
    }

    @Test
    void carriesAMegabyte() {
        byte[] big = new byte[1 << 20];
        new Random(1).nextBytes(big);
        byte[] reply = client.request("reverse", big);
        assertEquals(big.length, reply.length);
        assertEquals(big[0], reply[reply.length - 1]);
        assertEquals(big[big.length - 1], reply[0]);
    }

    @Test
    void aThrowingHandlerIsARemoteErrorAndServiceGoesOn() {
        RpcException e = assertThrows(RpcException.class, () -> client.request("fail", new byte[] {1}));
        assertEquals(RpcException.Kind.REMOTE, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("order rejected"), e.getMessage());
        assertArrayEquals(new byte[] {2, 1}, client.request("reverse", new byte[] {1, 2}));
    }

    @Test
    void anUnansweredRequestFailsWithinItsTimeout() {
        long start = System.nanoTime();
        RpcException e = assertTimeoutPreemptively(TIMEOUT.plusSeconds(3),
                () -> assertThrows(RpcException.class, () -> client.request("nobody-serves-this", new byte[] {1})));
        assertTrue(e.kind() == RpcException.Kind.TIMEOUT || e.kind() == RpcException.Kind.TRANSPORT, e.kind() + ": " + e.getMessage());
        assertTrue(System.nanoTime() - start < TIMEOUT.plusSeconds(2).toNanos(), "took too long");
        assertArrayEquals(new byte[] {2, 1}, client.request("reverse", new byte[] {1, 2}));
    }

    @Test
    void describesItself() {
        assertEquals(transportName, transport.describe().get("transport"));
        assertTrue(transport.describe().values().stream().noneMatch(v -> v.contains("unknown")), transport.describe().toString());
    }
}
