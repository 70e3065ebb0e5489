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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every transport must do, against its real server: carry a request to its handler and the reply
 * back (sync, async, many in flight, large bodies), report a throwing handler as REMOTE and keep
 * serving, and fail an unanswerable request within its timeout instead of hanging.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TransportContract {
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    Transport transport;
    RpcServer server;
    RpcClient client;

    protected abstract String transportName();

    /** The kinds an unanswered endpoint may fail with on this transport. */
    protected abstract Set<RpcException.Kind> unansweredKinds();

    @BeforeAll
    void start() {
        transport = Transports.byName(transportName(), new TransportSettings(TIMEOUT, 4, null));
        server = transport.newServer();
        server.register("reverse", request -> {
            byte[] reply = request.clone();
            for (int i = 0, j = reply.length - 1; i < j; i++, j--) {
                byte t = reply[i];
                reply[i] = reply[j];
                reply[j] = t;
            }
            return reply;
        });
        server.register("fail", request -> {
            throw new IllegalArgumentException("order rejected: " + request.length + " bytes");
        });
        client = transport.newClient();
    }

    @AfterAll
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        if (transport != null) {
            transport.close();
        }
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
     */
    void assertRequestAsyncDoesNotWaitFor(io.wirebench.transport.server.ManagedServer broker) {
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
        assertTrue(unansweredKinds().contains(e.kind()), e.getMessage());
        assertTrue(System.nanoTime() - start < TIMEOUT.plusSeconds(2).toNanos(), "took too long");
        assertArrayEquals(new byte[] {2, 1}, client.request("reverse", new byte[] {1, 2}));
    }

    @Test
    void describesItself() {
        assertEquals(transportName(), transport.describe().get("transport"));
        assertTrue(transport.describe().values().stream().noneMatch(v -> v.contains("unknown")), transport.describe().toString());
    }
}
