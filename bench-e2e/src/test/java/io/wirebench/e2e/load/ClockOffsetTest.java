package io.wirebench.e2e.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClockOffsetTest {

    /** A simulated exchange: the worker's clock, and a coordinator 7 ms ahead answering after a one-way delay. */
    @Test
    void findsTheOffsetWithinHalfTheShortestRoundTrip() {
        AtomicLong local = new AtomicLong(1_000_000_000L);
        long ahead = 7_000_000L;
        long[] outbound = {900_000, 300_000, 2_000_000, 50_000};
        long[] inbound = {100_000, 900_000, 2_000_000, 60_000};
        int[] k = {0};
        ClockOffset offset = ClockOffset.measure(outbound.length, local::get, () -> {
            int i = k[0]++;
            local.addAndGet(outbound[i]);
            long remote = local.get() + ahead;
            local.addAndGet(inbound[i]);
            return remote;
        });
        assertEquals(110_000, offset.roundTripNanos(), "the exchange with the shortest round trip is kept");
        assertTrue(Math.abs(offset.offsetNanos() - ahead) <= offset.roundTripNanos() / 2, "offset " + offset.offsetNanos());
        assertEquals(5_000_000L - offset.offsetNanos(), offset.toLocal(5_000_000L));
    }
}
