package io.wirebench.report.claims;

import io.wirebench.report.model.Figure;
import io.wirebench.report.model.JmhResult;
import io.wirebench.report.model.Metric;
import io.wirebench.report.model.PeerFloor;
import io.wirebench.report.model.SteadyState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Verdicts bounded by the floors: each transport's true figure lies between its floor and the suite's figure, and a
 * ratio is decided only where every corner of the two ranges agrees. The three outcomes, for latency and throughput,
 * and the bias that bounds one side only.
 */
class BoundedRatioTest {

    /** A suite figure with its interval over forks and its steady state. */
    private static Figure suite(double low, double score, double high, SteadyState steady) {
        return new Figure(score, low, high, 3, "forks", steady, List.of(low, score, high), null);
    }

    private static PeerFloor floor(String transport, String tool, double p50, double rps) {
        return new PeerFloor(transport, tool, "1", "loop", "small", 1, "floor", new double[] {p50, p50 + 5}, new double[] {rps - 500, rps});
    }

    @Test
    void httpHandicappedByItsHarnessStillBeatingNatsAtItsFloorRefutesTwiceFaster() {
        // the claims run's small order at one caller (scripts/report results/claims): HTTP's mean 130 [126, 135] over wrk's
        // lowest round 20.0; NATS's 302 [244, 360] over the bare loop's 265 (a second, slower floor does not raise it)
        BoundedRatio.Bounds http = BoundedRatio.latency("http", suite(126, 130, 135, SteadyState.FLAT), List.of(floor("http", "wrk", 20, 40_000)));
        BoundedRatio.Bounds nats = BoundedRatio.latency("nats", suite(244, 302, 360, SteadyState.FLAT),
                List.of(floor("nats", "other loop", 280, 9_000), floor("nats", "jnats loop", 265, 12_000)));
        assertEquals(265, nats.low(), 1e-9, "the lowest floor the run measured for it");
        assertEquals("jnats loop's p50", nats.lowBy());
        BoundedRatio.Decision d = BoundedRatio.decide(http, nats, 2.0, null);
        assertEquals(Claims.Verdict.REFUTED, d.verdict(), d.reasoning());
        assertTrue(d.reasoning().contains("the ratio lies in [0.06, 0.51]") && d.reasoning().contains("robust to the harness"), d.reasoning());
    }

    @Test
    void aRatioThatHoldsAtEveryCornerIsSupported() {
        BoundedRatio.Bounds slow = BoundedRatio.latency("a", suite(900, 1000, 1100, SteadyState.FLAT), List.of(floor("a", "loop", 800, 1)));
        BoundedRatio.Bounds fast = BoundedRatio.latency("b", suite(90, 100, 110, SteadyState.FLAT), List.of(floor("b", "loop", 80, 1)));
        BoundedRatio.Decision d = BoundedRatio.decide(slow, fast, 2.0, null);
        assertEquals(Claims.Verdict.SUPPORTED, d.verdict(), d.reasoning());
        assertEquals(Claims.Verdict.SUPPORTED, BoundedRatio.decide(fast, slow, null, 0.5).verdict(), "at most: the mirror of at least");
    }

    @Test
    void cornersThatDisagreeLeaveItOpenAndNameTheCornerThatFlipsIt() {
        BoundedRatio.Bounds a = BoundedRatio.latency("a", suite(290, 300, 310, SteadyState.FLAT), List.of(floor("a", "loop", 100, 1)));
        BoundedRatio.Bounds b = BoundedRatio.latency("b", suite(140, 150, 160, SteadyState.FLAT), List.of(floor("b", "loop", 140, 1)));
        BoundedRatio.Decision d = BoundedRatio.decide(a, b, 2.0, null);
        assertEquals(Claims.Verdict.INCONCLUSIVE, d.verdict(), d.reasoning());
        assertTrue(d.reasoning().contains("with a at loop's p50, b at the suite's upper end it is 0.63"), d.reasoning());
    }

    @Test
    void withoutAFloorALatencyReachesDownToZeroAndOnlyTheOtherDirectionCanBeDecided() {
        BoundedRatio.Bounds unbounded = BoundedRatio.latency("a", suite(90, 100, 110, SteadyState.FLAT), List.of());
        assertEquals(0, unbounded.low(), 0);
        assertEquals("no floor in this run", unbounded.lowBy());
        BoundedRatio.Bounds other = BoundedRatio.latency("b", suite(900, 1000, 1100, SteadyState.FLAT), List.of(floor("b", "loop", 800, 1)));
        assertEquals(Claims.Verdict.REFUTED, BoundedRatio.decide(unbounded, other, 2.0, null).verdict(), "a at most 110 over b at least 800: under 2");
        assertEquals(Claims.Verdict.SUPPORTED, BoundedRatio.decide(other, unbounded, 2.0, null).verdict(), "b at least 800 over a at most 110: zero cannot flip it");
        assertEquals(Claims.Verdict.INCONCLUSIVE, BoundedRatio.decide(other, unbounded, null, 10.0).verdict(), "b over a zero has no upper bound");
    }

    @Test
    void aLatencyStillWarmingUpStaysAnUpperBoundOneSlowingDownBoundsNothing() {
        PeerFloor f = floor("a", "loop", 50, 1);
        assertEquals(110, BoundedRatio.latency("a", suite(90, 100, 110, SteadyState.WARM_UP), List.of(f)).high(), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, BoundedRatio.latency("a", suite(90, 100, 110, SteadyState.SLOWDOWN), List.of(f)).high());
        assertEquals(Double.POSITIVE_INFINITY, BoundedRatio.latency("a", suite(90, 100, 110, SteadyState.NO_STEADY_STATE), List.of(f)).high());
    }

    @Test
    void aThroughputLiesBetweenTheSuitesFigureAndItsFloorsAndIsDecidedTheSameWay() {
        // NATS over HTTP with 16 in flight, at least 2: NATS 9,000 [8,800, 9,200] up to its loop's 12,000; HTTP 20,000 up to wrk's 40,000
        BoundedRatio.Bounds nats = BoundedRatio.throughput("nats", suite(8_800, 9_000, 9_200, SteadyState.FLAT), List.of(floor("nats", "loop", 1, 12_000)));
        BoundedRatio.Bounds http = BoundedRatio.throughput("http", suite(19_000, 20_000, 21_000, SteadyState.FLAT), List.of(floor("http", "wrk", 1, 40_000)));
        assertEquals(8_800, nats.low(), 1e-9);
        assertEquals(12_000, nats.high(), 1e-9, "the highest floor round");
        BoundedRatio.Decision d = BoundedRatio.decide(nats, http, 2.0, null);
        assertEquals(Claims.Verdict.REFUTED, d.verdict(), "at most 12,000 / 19,000: " + d.reasoning());
        BoundedRatio.Bounds noFloor = BoundedRatio.throughput("x", suite(8_800, 9_000, 9_200, SteadyState.FLAT), List.of());
        assertEquals(Double.POSITIVE_INFINITY, noFloor.high(), "without a floor a throughput has no upper bound");
        assertEquals(Claims.Verdict.INCONCLUSIVE, BoundedRatio.decide(noFloor, http, 2.0, null).verdict());
        assertEquals(0, BoundedRatio.throughput("x", suite(8_800, 9_000, 9_200, SteadyState.SLOWDOWN), List.of()).low(), 0,
                "a throughput still falling bounds nothing from below");
    }

    @Test
    void oneCounterexampleRefutesAClaimAboutEveryPoint() {
        assertEquals(Claims.Verdict.REFUTED, Claims.verdict(0, 1, 2));
        assertEquals(Claims.Verdict.REFUTED, Claims.verdict(3, 1, 0));
        assertEquals(Claims.Verdict.SUPPORTED, Claims.verdict(3, 0, 0));
        assertEquals(Claims.Verdict.INCONCLUSIVE, Claims.verdict(3, 0, 1));
        assertEquals(Claims.Verdict.INCONCLUSIVE, Claims.verdict(0, 0, 0));
    }

    /** A result file is outside input: a round trip whose inFlight is no count matches no floor, and the report goes on. */
    @Test
    void aParamThatIsNoCountMatchesNoFloorInsteadOfFailingTheReport() {
        JmhResult odd = new JmhResult("io.wirebench.transport.RoundTripBenchmark.concurrent", "thrpt", 1, 3,
                Map.of("transport", "nats", "shape", "small", "inFlight", "many"), new Metric(1, 1, "ops/s"), Map.of(), -1, Map.of(), null);
        assertEquals(List.of(), Claims.floorsOf(odd, List.of(floor("nats", "loop", 1, 1))));
    }
}
