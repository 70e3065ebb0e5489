package io.wirebench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A ratio's interval: never below 0, none when a figure has none, no upper bound when the denominator's reaches 0. */
class FigureTest {

    @Test
    void aRatiosIntervalStaysAtOrAboveZero() {
        // a throughput of 4,000 ± 5,000 ops/s (three noisy iterations) over one of 5,000 ± 100
        double[] r = Figure.ratio(Figure.of(new Metric(4_000, 5_000, "ops/s")), Figure.of(new Metric(5_000, 100, "ops/s")));
        assertEquals(0.8, r[0], 1e-9);
        assertEquals(0, r[1], 0.0, "not -0.2: a ratio of positive figures");
        assertEquals("0.80x [0.00, 1.84]", ReportWriter.ratioText(r));
        double[] open = Figure.ratio(Figure.of(new Metric(4_000, 100, "ops/s")), Figure.of(new Metric(5_000, 6_000, "ops/s")));
        assertEquals("0.80x [0.35, no upper bound]", ReportWriter.ratioText(open), "a denominator whose interval reaches 0 leaves no upper bound");
    }

    @Test
    void aFigureWithoutErrorGivesNoIntervalNotAZeroWidthOne() {
        double[] r = Figure.ratio(Figure.of(new Metric(98, Double.NaN, "us/op")), Figure.of(new Metric(100, 2, "us/op")));
        assertEquals("0.98x (no interval)", ReportWriter.ratioText(r));
        assertTrue(Double.isNaN(r[1]) && Double.isNaN(r[2]));
    }

    @Test
    void aClaimOnAFigureWithoutAnIntervalIsInconclusive() {
        JmhResult oneFork = new JmhResult("io.wirebench.transport.RoundTripBenchmark.roundTrip", "avgt", 1, 1,
                Map.of("transport", "nats"), new Metric(200, Double.NaN, "us/op"), Map.of());
        Claim below = new Claim("fast", "under 1 ms", "below", "RoundTripBenchmark.roundTrip", "primary", Map.of("transport", "nats"),
                1000.0, null, null, null, null, null, null, null, null);
        RunFolder run = new RunFolder(java.nio.file.Path.of("x"), Map.of("bench", List.of(oneFork)), List.of(), List.of(), List.of(), "", Map.of());
        Claims.Answer answer = new Claims(List.of(below)).check(run).get(0);
        assertEquals(Claims.Verdict.INCONCLUSIVE, answer.verdict(), answer.evidence().toString());
        assertTrue(answer.evidence().get(0).contains("(no interval)"), answer.evidence().toString());
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
}
