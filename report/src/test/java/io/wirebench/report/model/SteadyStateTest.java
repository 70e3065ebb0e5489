package io.wirebench.report.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each fork's iteration series, pooled over forks: flat, still warming up, slowing down, no steady state, unknown. */
class SteadyStateTest {
    private static final Metric.Direction TIME = Metric.Direction.LOWER_IS_BETTER;
    private static final Metric.Direction RATE = Metric.Direction.HIGHER_IS_BETTER;

    @Test
    void aSeriesFallingInEveryForkIsStillWarmingUp() {
        List<List<Double>> forks = List.of(List.of(202.0, 153.0, 117.0), List.of(205.0, 150.0, 120.0), List.of(199.0, 155.0, 115.0));
        assertEquals(SteadyState.WARM_UP, SteadyState.of(forks, TIME));
        assertEquals(SteadyState.SLOWDOWN, SteadyState.of(forks, RATE), "falling throughput is a slowdown");
    }

    @Test
    void noiseAroundALevelIsFlat() {
        Random random = new Random(1);
        int flat = 0;
        for (int trial = 0; trial < 200; trial++) {
            List<List<Double>> forks = List.of(noise(random, 5), noise(random, 5), noise(random, 5));
            flat += SteadyState.of(forks, TIME) == SteadyState.FLAT ? 1 : 0;
        }
        assertEquals(200, flat, 12, "a false trend at most about 5% of the time (alpha)");
    }

    @Test
    void aSmallSignificantDriftIsStillFlat() {
        // monotonic in every fork, but 1% over the measurement: below what counts as a trend
        List<Double> series = List.of(100.0, 100.3, 100.6, 100.9);
        assertEquals(SteadyState.FLAT, SteadyState.of(List.of(series, series, series), TIME));
    }

    @Test
    void forksTrendingApartHaveNoSteadyState() {
        List<Double> up = List.of(100.0, 104.0, 108.0, 112.0, 116.0, 120.0);
        List<Double> down = List.of(120.0, 116.0, 112.0, 108.0, 104.0, 100.0);
        assertEquals(SteadyState.NO_STEADY_STATE, SteadyState.of(List.of(up, down), TIME));
        assertEquals(SteadyState.SLOWDOWN, SteadyState.of(List.of(up, up, up), TIME));
    }

    @Test
    void aForkOfUnderThreeIterationsIsUnknownAndStillCarriesAVerdict() {
        assertEquals(SteadyState.UNKNOWN, SteadyState.of(List.of(List.of(100.0, 90.0), List.of(100.0, 90.0)), TIME));
        assertEquals(false, SteadyState.UNKNOWN.trending());
    }

    private static List<Double> noise(Random random, int n) {
        return random.doubles(n).map(d -> 100 + 3 * (d - 0.5)).boxed().toList();
    }
}
