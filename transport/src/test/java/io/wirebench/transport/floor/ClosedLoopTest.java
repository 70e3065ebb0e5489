package io.wirebench.transport.floor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The closed loop over a loop with no server: rounds are counted and a failing call fails the floor. */
class ClosedLoopTest {

    /** An in-process loop: replies with the request reversed; fails every {@code failEvery}-th call if set. */
    static final class EchoLoop implements BareLoop {
        final AtomicInteger callers = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();
        final int failEvery;

        EchoLoop(int failEvery) {
            this.failEvery = failEvery;
        }

        @Override
        public String transport() {
            return "in-memory";
        }

        @Override
        public String tool() {
            return "echo";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public Caller newCaller() {
            callers.incrementAndGet();
            return new Caller() {
                @Override
                public byte[] call(byte[] request) {
                    if (failEvery > 0 && calls.incrementAndGet() % failEvery == 0) {
                        throw new IllegalStateException("broken on purpose");
                    }
                    return request.clone();
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        }

        @Override
        public void close() {
        }
    }

    @Test
    void eachRoundHasItsPercentilesAndRateAndEveryCallerIsClosed() throws InterruptedException {
        EchoLoop loop = new EchoLoop(0);
        List<PeerRound> rounds = new ClosedLoop(Duration.ZERO, Duration.ofMillis(200), 3).run(loop, new byte[][] {{1}, {2}}, 4);
        assertEquals(3, rounds.size());
        for (PeerRound r : rounds) {
            assertTrue(r.p50Us() > 0 && r.p99Us() >= r.p50Us() && r.requestsPerSecond() > 0, r.toString());
        }
        assertEquals(4, loop.callers.get());
        assertEquals(4, loop.closed.get(), "every caller closed");
    }

    @Test
    void aFailedCallFailsTheFloorAndSaysWhy() {
        EchoLoop loop = new EchoLoop(1000);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ClosedLoop(Duration.ZERO, Duration.ofMillis(200), 2).run(loop, new byte[][] {{1}}, 2));
        assertTrue(e.getMessage().contains("failed calls") && e.getMessage().contains("broken on purpose"), e.getMessage());
        assertEquals(2, loop.closed.get(), "callers are closed on failure too");
    }

    @Test
    void impossibleSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ClosedLoop(Duration.ZERO, Duration.ofMillis(100), 0));
        assertThrows(IllegalArgumentException.class, () -> new ClosedLoop(Duration.ZERO, Duration.ZERO, 1));
    }
}
