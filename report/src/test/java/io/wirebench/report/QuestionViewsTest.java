package io.wirebench.report;

import io.wirebench.report.format.Format;
import io.wirebench.report.format.LineChart;
import io.wirebench.report.model.JmhJson;
import io.wirebench.report.model.JmhResult;
import io.wirebench.report.model.Metric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuestionViewsTest {

    /** Three forks of {@code score} - 1, score and score + 1: a 95% t interval of ± 2.48. */
    private static JmhResult result(String benchmark, String mode, int threads, Map<String, String> params, double score, String unit,
                                    Map<String, Metric> secondary) {
        return withForks(benchmark, mode, threads, params, unit, secondary, score - 1, score, score + 1);
    }

    private static JmhResult withForks(String benchmark, String mode, int threads, Map<String, String> params, String unit,
                                       Map<String, Metric> secondary, double... forks) {
        List<Double> values = java.util.Arrays.stream(forks).boxed().toList();
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new JmhResult("io.wirebench.x." + benchmark, mode, threads, forks.length, params, new Metric(mean, 1, unit), secondary, -1,
                Map.of("primary", new JmhResult.Forks(values, values.stream().map(List::of).toList())), null);
    }

    @Test
    void transportsSideBySideFromARealRun() throws Exception {
        List<JmhResult> real = JmhJson.read(Path.of(QuestionViewsTest.class.getResource("/run/bench-transport.json").toURI()));
        QuestionViews.View v = QuestionViews.transports(real);
        // the fixture: NATS and HTTP round trips, tiny and small, one caller
        JmhResult natsTiny = real.stream().filter(r -> "nats".equals(r.params().get("transport")) && "tiny".equals(r.params().get("shape")))
                .findFirst().orElseThrow();
        String row = v.markdown().lines().filter(l -> l.startsWith("| codec=json ") && l.contains(" shape=tiny t=1 | nats |")).findFirst().orElseThrow();
        assertTrue(row.contains("| " + Format.score(natsTiny, "p0.50") + " | " + Format.score(natsTiny, "p0.99") + " |"), row);
        assertTrue(row.contains("| 321 ± 40.8 (3 forks) |"), "the mean of each fork's own p50, with its interval over forks: " + row);
        assertTrue(row.matches(".*\\| [0-9.]+x \\[[0-9.]+, [0-9.]+\\] \\|.*"), "the mean's ratio to HTTP with its interval: " + row);
        assertEquals(2, v.charts().size(), "a percentile chart per shape");
        assertTrue(v.charts().get(0).contains("<polyline") && v.charts().get(0).contains("p99.9"), v.charts().get(0));
    }

    @Test
    void aThroughputTheLatencyBesideItCannotAllowIsMarked() {
        Map<String, String> p = Map.of("transport", "nats", "shape", "tiny");
        JmhResult latency = result("RoundTripBenchmark.roundTrip", "sample", 16, p, 2_000, "us/op", Map.of()); // 2 ms with 16 callers: 8,000/s at most
        JmhResult possible = result("RoundTripBenchmark.throughput", "thrpt", 16, p, 7_900, "ops/s", Map.of());
        JmhResult impossible = result("RoundTripBenchmark.throughput", "thrpt", 16, p, 13_400, "ops/s", Map.of());
        assertTrue(!QuestionViews.breaksLittlesLaw(possible, latency) && QuestionViews.breaksLittlesLaw(impossible, latency));
        JmhResult uncertain = withForks("RoundTripBenchmark.throughput", "thrpt", 16, p, "ops/s", Map.of(), 7_000, 13_400, 19_800);
        assertTrue(!QuestionViews.breaksLittlesLaw(uncertain, latency), "forks of 7,000 to 19,800/s may be 7,400/s: not a contradiction");
        assertTrue(QuestionViews.transports(List.of(latency, impossible)).markdown().contains("13,400 ± 2.48 (3 forks) ⚖"),
                QuestionViews.transports(List.of(latency, impossible)).markdown());
    }

    @Test
    void throughputAgainstCallersOnlyWhereThereAreSeveral() {
        List<JmhResult> results = new ArrayList<>();
        for (int t : new int[] {1, 4, 16}) {
            results.add(result("RoundTripBenchmark.throughput", "thrpt", t, Map.of("transport", "nats", "shape", "tiny"), 1000.0 * t, "ops/s", Map.of()));
            results.add(result("RoundTripBenchmark.throughput", "thrpt", t, Map.of("transport", "http", "shape", "tiny"), 900.0 + t, "ops/s", Map.of()));
        }
        results.add(result("RoundTripBenchmark.throughput", "thrpt", 1, Map.of("transport", "nats", "shape", "large"), 50, "ops/s", Map.of()));
        QuestionViews.View v = QuestionViews.concurrency(results);
        assertTrue(v.markdown().contains("| RoundTripBenchmark.throughput shape=tiny | nats | t=1: 1,000, t=4: 4,000, t=16: 16,000 |"), v.markdown());
        assertTrue(!v.markdown().contains("shape=large"), "one caller count is no curve: " + v.markdown());
        assertEquals(1, v.charts().size());
        assertEquals(2, v.charts().get(0).split("<polyline", -1).length - 1, "a line per transport");
    }

    @Test
    void codecsTimeAndSizeAndValidationsShare() {
        List<JmhResult> results = new ArrayList<>();
        for (String shape : List.of("small", "large")) {
            double size = "small".equals(shape) ? 1_500 : 95_000;
            for (String codec : List.of("json", "kryo")) {
                double k = "json".equals(codec) ? 1 : 0.5;
                Map<String, Metric> sizes = Map.of("wireBytes", new Metric(size * k, Double.NaN, "#"), "deflatedBytes", new Metric(size / 3, Double.NaN, "#"));
                results.add(result("CodecBenchmark.decode", "avgt", 1, Map.of("codec", codec, "shape", shape), size / 100 * k, "us/op", sizes));
                results.add(result("CodecBenchmark.encode", "avgt", 1, Map.of("codec", codec, "shape", shape), size / 200 * k, "us/op", sizes));
            }
            results.add(result("ValidationBenchmark.validate", "avgt", 1, Map.of("validator", "hibernate", "payload", "valid", "shape", shape),
                    size / 100 * 3, "us/op", Map.of()));
            results.add(result("ValidationBenchmark.validate", "avgt", 1, Map.of("validator", "none", "payload", "valid", "shape", shape), 0.01, "us/op", Map.of()));
        }
        results.add(result("OrderGoodputBenchmark.throughput", "thrpt", 4, Map.of("transport", "nats", "shape", "small", "paymentFailureRate", "0"), 100, "ops/s",
                Map.of("validateUs", new Metric(50, Double.NaN, "#"), "endToEndUs", new Metric(2_000, Double.NaN, "#"))));

        QuestionViews.View codecs = QuestionViews.codecs(results);
        assertTrue(codecs.markdown().contains("| shape=small t=1 | kryo | 3.75 ± 2.48 (3 forks) | 7.50 ± 2.48 (3 forks) | 750 | 500 |"), codecs.markdown());
        assertEquals(4, codecs.charts().get(0).split("<circle", -1).length - 1, "a point per codec and shape");

        QuestionViews.View share = QuestionViews.validationShare(results);
        // Hibernate Validator takes 3x the JSON decode: 75% of decode + validate, whatever the shape
        assertTrue(share.markdown().contains("| small | 45.0 | 15.0 | 75.0% |") && share.markdown().contains("| large | 2,850 | 950 | 75.0% |"), share.markdown());
        assertTrue(share.markdown().contains("2.5% (50.0 of 2,000 µs)"), "the pipeline's validation stage: " + share.markdown());
        assertEquals(1, share.charts().size());
    }

    @Test
    void viewsWithoutTheirResultsAreLeftOut() {
        List<JmhResult> unrelated = List.of(result("FileChunkCodecBenchmark.decode", "avgt", 1, Map.of("codec", "json"), 5, "us/op", Map.of()));
        assertEquals(List.of(), QuestionViews.of(unrelated));
        assertNull(QuestionViews.transports(unrelated));
    }

    @Test
    void aLogAxisLeavesOutWhatItCannotShow() {
        LineChart chart = LineChart.lines("t", "x", "y", true, true).add("a", 0, 5).add("a", 1, -1).add("a", 2, Double.NaN);
        assertTrue(chart.isEmpty() && chart.svg().isEmpty(), "no point can be drawn on log axes");
        chart.add("a", 1, 10).add("a", 10, 100);
        assertEquals(2, chart.svg().split("<circle", -1).length - 1);
    }

    @Test
    void placementsSideBySideWithSplitsRatioToColocated() {
        JmhResult colocated = result("RoundTripBenchmark.roundTrip", "sample", 1, Map.of("transport", "nats", "shape", "small", "placement", "colocated"),
                200, "us/op", Map.of());
        JmhResult split = result("RoundTripBenchmark.roundTrip", "sample", 1, Map.of("transport", "nats", "shape", "small", "placement", "split"),
                100, "us/op", Map.of());
        JmhResult alone = result("RoundTripBenchmark.roundTrip", "sample", 1, Map.of("transport", "http", "shape", "small", "placement", "split"),
                90, "us/op", Map.of());
        QuestionViews.View v = QuestionViews.placement(List.of(colocated, split, alone));
        assertEquals(1, v.tables().get(0).rows().size(), "only a setting run at both placements has a row: " + v.markdown());
        assertTrue(v.markdown().contains("| RoundTripBenchmark.roundTrip shape=small transport=nats t=1 | 200 ± 2.48 (3 forks) | 100 ± 2.48 (3 forks) | 0.50x ["),
                v.markdown());
        assertNull(QuestionViews.placement(List.of(colocated)), "one placement alone is no comparison");
    }
}
