package io.wirebench.e2e.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HistogramTextTest {

    @Test
    void encodedHistogramsComeBackExactlyAndAddUpToOne() {
        SplittableRandom random = new SplittableRandom(42);
        Histogram whole = new Histogram(3);
        Histogram added = new Histogram(3);
        for (int part = 0; part < 3; part++) {
            Histogram h = new Histogram(java.util.concurrent.TimeUnit.MINUTES.toNanos(10), 3);
            for (int i = 0; i < 10_000; i++) {
                long v = 1_000 + random.nextLong(50_000_000);
                h.recordValue(v);
                whole.recordValue(v);
            }
            Histogram back = HistogramText.decode(HistogramText.encode(h), "part " + part);
            assertEquals(h, back, "part " + part);
            added.add(back);
        }
        assertEquals(whole.getTotalCount(), added.getTotalCount());
        for (double p : new double[] {50, 90, 99, 99.9, 100}) {
            assertEquals(whole.getValueAtPercentile(p), added.getValueAtPercentile(p), "p" + p);
        }
    }

    @Test
    void textThatIsNotAHistogramIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HistogramText.decode("bm90IGEgaGlzdG9ncmFt", "worker 2 second 5"));
        assertTrue(e.getMessage().startsWith("worker 2 second 5: not an encoded histogram"), e.getMessage());
    }
}
