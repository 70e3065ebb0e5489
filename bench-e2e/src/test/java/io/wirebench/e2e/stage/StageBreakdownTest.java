package io.wirebench.e2e.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StageBreakdownTest {

    @Test
    void transportIsTheRemainderAndThePartsAddUpToTheEndToEndMean() {
        // per request: decode 10, validate 20, reserve 5, charge 3, encode 7, backoff 0 µs; end to end 100 µs; 4 requests
        StageBreakdown b = StageBreakdown.of(new long[] {40_000, 80_000, 20_000, 12_000, 28_000, 0}, 400_000, 4);
        assertEquals(10.0, b.micros(Stage.DECODE), 1e-9);
        assertEquals(20.0, b.micros(Stage.VALIDATE), 1e-9);
        assertEquals(55.0, b.micros(Stage.TRANSPORT), 1e-9);
        assertEquals(100.0, b.endToEndMicros(), 1e-9);
        assertEquals(b.endToEndMicros(), b.sumMicros(), 1e-9);
    }

    @Test
    void timedStagesBeyondTheEndToEndTimeAreRefusedNotShownAsNegativeTransport() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> StageBreakdown.of(new long[] {60_000, 60_000, 0, 0, 0, 0}, 100_000, 1));
        assertTrue(e.getMessage().contains("exceed the end-to-end mean"), e.getMessage());
    }

    @Test
    void withinClockToleranceTransportIsZero() {
        StageBreakdown b = StageBreakdown.of(new long[] {101_000, 0, 0, 0, 0, 0}, 100_000, 1);
        assertEquals(0.0, b.micros(Stage.TRANSPORT));
    }

    @Test
    void noRequestsGiveAnEmptyBreakdown() {
        StageBreakdown b = new StageClock().snapshot();
        assertEquals(0, b.requests());
        assertEquals(0.0, b.sumMicros());
    }

    @Test
    void theClockAccumulatesStagesAndRefusesToTimeTransport() {
        StageClock clock = new StageClock();
        clock.add(Stage.DECODE, 2_000);
        clock.add(Stage.DECODE, 4_000);
        clock.endToEnd(10_000);
        clock.endToEnd(10_000);
        StageBreakdown b = clock.snapshot();
        assertEquals(3.0, b.micros(Stage.DECODE), 1e-9);
        assertEquals(7.0, b.micros(Stage.TRANSPORT), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> clock.add(Stage.TRANSPORT, 1));
        clock.reset();
        assertEquals(0, clock.snapshot().requests());
    }
}
