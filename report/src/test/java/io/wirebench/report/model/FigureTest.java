package io.wirebench.report.model;

import io.wirebench.report.claims.Claim;
import io.wirebench.report.claims.Claims;
import io.wirebench.report.format.Format;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Figures and ratios take their intervals from fork-level values (Student's t over forks), never from JMH's
 * score error; under 3 forks there is none; a ratio's interval stays above 0; forks of one interleaved
 * schedule are compared pair by pair.
 */
public class FigureTest {

    /** A result whose forks had these values (each fork three flat iterations of its value); JMH's error is {@code jmhError}. */
    public static JmhResult forks(String transport, String unit, double jmhError, JmhResult.Interleaving interleaving, double... values) {
        List<Double> v = java.util.Arrays.stream(values).boxed().toList();
        List<List<Double>> iterations = v.stream().map(x -> List.of(x, x, x)).toList();
        double mean = v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return new JmhResult("io.wirebench.transport.RoundTripBenchmark.roundTrip", "avgt", 1, values.length, Map.of("transport", transport, "shape", "small"),
                new Metric(mean, jmhError, unit), Map.of(), -1, Map.of("primary", new JmhResult.Forks(v, iterations)), interleaving);
    }

    @Test
    void aFiguresIntervalIsStudentsTOverItsForksNotJmhsError() {
        // JMH's sample-mode error over thousands of correlated samples: ± 0.5; the forks say otherwise
        Figure f = Figure.of(forks("nats", "us/op", 0.5, null, 100, 110, 120), "primary");
        assertEquals(110, f.score(), 1e-9);
        double half = 4.302652729911275 * 10 / Math.sqrt(3); // t(0.975, 2) x s / sqrt(n)
        assertEquals(110 - half, f.low(), 1e-6);
        assertEquals(110 + half, f.high(), 1e-6);
        assertEquals("95% t over 3 forks", f.interval());
        assertEquals("110 ± 24.8 (3 forks)", f.cell(Format::num));
        assertEquals("110 [85.2, 135] us/op (95% t over 3 forks)", f.text(Format::num, "us/op", true));
    }

    @Test
    void underThreeForksThereIsNoInterval() {
        Figure two = Figure.of(forks("nats", "us/op", 0.5, null, 100, 102), "primary");
        assertFalse(two.hasInterval());
        assertEquals("101 (2 forks, under 3, no interval)", two.cell(Format::num));
        double[] r = Figure.ratio(two, Figure.of(forks("http", "us/op", 0.5, null, 200, 201, 202), "primary"));
        assertEquals("0.50x (no interval)", Format.ratio(r), "101 / 201");
        assertTrue(Double.isNaN(r[1]) && Double.isNaN(r[2]), "never a zero-width interval");
    }

    @Test
    void aRatiosIntervalStaysAboveZeroEvenFromNoisyForks() {
        // throughputs of 1,000 / 4,000 / 7,000 ops/s over 5,000 / 5,100 / 4,900: a mean's interval reaches below 0, a ratio's cannot
        double[] r = Figure.ratio(Figure.of(forks("nats", "ops/s", 1, null, 1_000, 4_000, 7_000), "primary"),
                Figure.of(forks("http", "ops/s", 1, null, 5_000, 5_100, 4_900), "primary"));
        assertEquals(0.8, r[0], 1e-9);
        assertTrue(r[1] > 0 && r[1] < 0.8 && r[2] > 0.8, Format.ratio(r));
    }

    @Test
    void theReviewsExampleIsNoLongerAboveTwo() {
        // results/claims (0141f1b), HTTP over NATS mean at shape=small, 16 callers: JMH's error made it 2.33x [2.28, 2.37];
        // fork against fork the ratio runs from 1.75 to 2.79
        double[] r = Figure.ratio(Figure.of(forks("http", "us/op", 10, null, 3156, 3737, 3536), "primary"),
                Figure.of(forks("nats", "us/op", 10, null, 1395, 1808, 1339), "primary"));
        assertEquals(2.30, r[0], 0.01);
        assertTrue(r[1] < 2 && r[2] > 2.5, "the interval spans the claim's bound of 2: " + Format.ratio(r));
    }

    @Test
    void interleavedForksArePairedRoundByRound() {
        // drift: round 0 fast, round 1 40% slower, round 2 20% faster; B is always twice A within a round
        JmhResult.Interleaving schedule = new JmhResult.Interleaving("roundtrip", 42, List.of(0, 1, 2));
        Figure a = Figure.of(forks("nats", "us/op", 1, schedule, 100, 140, 80), "primary");
        Figure b = Figure.of(forks("http", "us/op", 1, schedule, 201, 279, 161), "primary");
        assertTrue(b.pairsWith(a));
        double[] paired = Figure.ratio(b, a);
        assertEquals(2.0, paired[0], 0.01);
        assertTrue(paired[2] - paired[1] < 0.1, "drift cancels within pairs: " + Format.ratio(paired));
        double[] apart = Figure.ratio(Figure.of(forks("http", "us/op", 1, null, 201, 279, 161), "primary"),
                Figure.of(forks("nats", "us/op", 1, null, 100, 140, 80), "primary"));
        assertTrue(apart[2] - apart[1] > 1, "the same values unpaired carry the drift: " + Format.ratio(apart));
        Figure otherSchedule = Figure.of(forks("http", "us/op", 1, new JmhResult.Interleaving("roundtrip", 7, List.of(0, 1, 2)), 201, 279, 161), "primary");
        assertFalse(otherSchedule.pairsWith(a), "forks of another seed are no pairs");
        Figure otherRun = Figure.of(forks("http", "us/op", 1, new JmhResult.Interleaving("roundtrip-t16", 42, List.of(0, 1, 2)), 201, 279, 161), "primary");
        assertFalse(otherRun.pairsWith(a), "nor forks of another run with the same seed (one seed serves a whole scripts/bench run)");
    }

    @Test
    void aClaimOnAFigureWithoutAnIntervalIsInconclusive() {
        // one fork, with a JMH error that would have made an interval
        JmhResult oneFork = new JmhResult("io.wirebench.transport.RoundTripBenchmark.roundTrip", "avgt", 1, 1,
                Map.of("transport", "nats"), new Metric(200, 5, "us/op"), Map.of());
        Claim below = new Claim("fast", "under 1 ms", "below", "RoundTripBenchmark.roundTrip", "primary", Map.of("transport", "nats"),
                1000.0, null, null, null, null, null, null, null, null);
        RunFolder run = new RunFolder(java.nio.file.Path.of("x"), Map.of("bench", List.of(oneFork)), List.of(), List.of(), List.of(), "", Map.of());
        Claims.Answer answer = new Claims(List.of(below)).check(run).get(0);
        assertEquals(Claims.Verdict.INCONCLUSIVE, answer.verdict(), answer.evidence().toString());
        assertTrue(answer.evidence().get(0).contains("(no fork-level data, no interval)"), answer.evidence().toString());
    }

    @Test
    void aClaimThatLeavesAParamOpenIsRefusedNamingIt() {
        Map<String, String> json = Map.of("transport", "nats", "shape", "tiny", "codec", "json");
        Map<String, String> kryo = Map.of("transport", "nats", "shape", "tiny", "codec", "kryo");
        Map<String, String> http = Map.of("transport", "http", "shape", "tiny", "codec", "json");
        List<JmhResult> results = List.of(
                new JmhResult("io.wirebench.transport.RoundTripBenchmark.roundTrip", "avgt", 1, 3, json, new Metric(200, 5, "us/op"), Map.of()),
                new JmhResult("io.wirebench.transport.RoundTripBenchmark.roundTrip", "avgt", 1, 3, kryo, new Metric(150, 5, "us/op"), Map.of()),
                new JmhResult("io.wirebench.transport.RoundTripBenchmark.roundTrip", "avgt", 1, 3, http, new Metric(500, 5, "us/op"), Map.of()));
        RunFolder run = new RunFolder(java.nio.file.Path.of("x"), Map.of("bench", results), List.of(), List.of(), List.of(), "", Map.of());
        Claim below = new Claim("fast", "under 1 ms", "below", "RoundTripBenchmark.roundTrip", "primary", Map.of("transport", "nats"),
                1000.0, null, null, null, null, null, null, null, null);
        Claims.Answer b = new Claims(List.of(below)).check(run).get(0);
        assertEquals(Claims.Verdict.INCONCLUSIVE, b.verdict());
        assertTrue(b.evidence().get(0).startsWith("refused: 2 results") && b.evidence().get(0).contains("differ in codec (json, kryo)"),
                b.evidence().toString());
        Claim ratio = new Claim("faster", "http over nats", "ratio", "RoundTripBenchmark.roundTrip", "primary", null, null,
                Map.of("transport", "http"), Map.of("transport", "nats"), "shape", 2.0, null, null, null, null);
        Claims.Answer r = new Claims(List.of(ratio)).check(run).get(0);
        assertEquals(Claims.Verdict.INCONCLUSIVE, r.verdict(), r.evidence().toString());
        assertTrue(r.evidence().stream().anyMatch(e -> e.contains("refused: the denominator's 2 results differ in codec (json, kryo)")),
                r.evidence().toString());
    }

    @Test
    void aFigureStillTrendingCarriesNoVerdict() {
        // the review's series: HTTP tiny, one caller, 202 -> 153 -> 117 us in each of three forks
        List<List<Double>> warming = List.of(List.of(202.0, 153.0, 117.0), List.of(205.0, 150.0, 120.0), List.of(199.0, 155.0, 115.0));
        JmhResult r = new JmhResult("io.wirebench.transport.RoundTripBenchmark.roundTrip", "avgt", 1, 3, Map.of("transport", "nats"),
                new Metric(157, 1, "us/op"), Map.of(), -1, Map.of("primary", new JmhResult.Forks(List.of(157.3, 158.3, 156.3), warming)), null);
        RunFolder run = new RunFolder(java.nio.file.Path.of("x"), Map.of("bench", List.of(r)), List.of(), List.of(), List.of(), "", Map.of());
        Claim below = new Claim("fast", "under 1 ms", "below", "RoundTripBenchmark.roundTrip", "primary", Map.of("transport", "nats"),
                1000.0, null, null, null, null, null, null, null, null);
        Claims.Answer answer = new Claims(List.of(below)).check(run).get(0);
        assertEquals(Claims.Verdict.INCONCLUSIVE, answer.verdict(), "far under the limit, but not a steady-state figure");
        assertTrue(answer.evidence().get(0).contains("⏳ still warming up"), answer.evidence().toString());
        assertTrue(Format.cell(r).endsWith("⏳ still warming up"), Format.cell(r));
    }
}
