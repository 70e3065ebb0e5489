package io.wirebench.report.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class JmhJsonTest {
    @TempDir
    Path dir;

    private static Path resource(String name) throws Exception {
        return Path.of(JmhJsonTest.class.getResource("/" + name).toURI());
    }

    @Test
    void readsARealRunOfThisSuite() throws Exception {
        List<JmhResult> results = JmhJson.read(resource("real-codec-decode.json"));
        assertEquals(4, results.size());
        JmhResult first = results.get(0);
        assertEquals("CodecBenchmark.decode", first.shortName());
        assertEquals("avgt", first.mode());
        assertEquals("us/op", first.primary().unit());
        assertTrue(first.primary().score() > 0);
        assertTrue(first.secondary().get("wireBytes").score() > 0);
        assertEquals("medium", first.params().get("shape"));
    }

    /** Two sample-mode results as JMH writes them: two forks (medians 100 and 300), and one fork of three iterations. */
    public static final String PERCENTILES = """
            [{"benchmark": "io.wirebench.x.LatencyBenchmark.roundTrip", "mode": "sample", "threads": 1, "forks": 2,
              "params": {"transport": "nats"},
              "primaryMetric": {"score": 250, "scoreError": 20, "scoreUnit": "us/op",
                "rawDataHistogram": [[[[100, 50], [200, 50]]], [[[300, 60], [400, 40]]]]},
              "secondaryMetrics": {"p0.50": {"score": 200, "scoreError": "NaN", "scoreUnit": "us/op", "rawData": [[100], [300]]},
                                   "p1.00": {"score": 400, "scoreError": "NaN", "scoreUnit": "us/op", "rawData": [[200], [400]]}}},
             {"benchmark": "io.wirebench.x.LatencyBenchmark.roundTrip", "mode": "sample", "threads": 1, "forks": 1,
              "params": {"transport": "http"},
              "primaryMetric": {"score": 25, "scoreError": 2, "scoreUnit": "us/op", "rawDataHistogram": [[[[10, 3]], [[20, 3]], [[30, 3]]]]},
              "secondaryMetrics": {"p0.99": {"score": 30, "scoreError": "NaN", "scoreUnit": "us/op", "rawData": [[10, 30, 20]]}}}]
            """;

    @Test
    void eachForkCarriesItsOwnValueAndItsIterations() throws IOException {
        List<JmhResult> results = JmhJson.read(Files.writeString(dir.resolve("percentiles.json"), PERCENTILES));
        assertEquals(List.of(100.0, 300.0), results.get(0).forkValues("p0.50"), "each fork's own median, from its histogram");
        assertEquals(List.of(200.0, 400.0), results.get(0).forkValues("p1.00"), "each fork's own maximum");
        assertEquals(List.of(150.0, 340.0), results.get(0).forkValues("primary"), "each fork's histogram mean");
        assertEquals(List.of(List.of(10.0, 30.0, 20.0)), results.get(1).iterations("p0.99"), "one fork's series of iterations");
        assertEquals(List.of(List.of(10.0, 20.0, 30.0)), results.get(1).iterations("primary"), "each iteration's histogram mean");
        assertEquals(List.of(30.0), results.get(1).forkValues("p0.99"), "the fork's own p99, over its whole histogram, not the mean of its iterations'");
        assertEquals(null, results.get(0).interleaving(), "not an interleaved run");
    }

    @Test
    void readsJmhEdgeCases() throws Exception {
        List<JmhResult> results = JmhJson.read(resource("edge-cases.json"));
        JmhResult sample = results.get(0);
        assertEquals("sample", sample.mode());
        assertEquals(4, sample.threads());
        assertTrue(Double.isNaN(sample.primary().error()), "NaN error as a string");
        assertEquals(512.0, sample.metric("gc.alloc.rate.norm").score(), "the \u00b7 prefix is dropped");
        assertEquals(Double.POSITIVE_INFINITY, results.get(1).primary().score());
        assertTrue(Double.isNaN(results.get(2).primary().score()));
        assertTrue(results.get(2).secondary().isEmpty(), "missing secondaryMetrics is no secondary metric");
        // the same benchmark name three times: keys differ by mode, threads and params
        assertEquals(3, results.stream().map(JmhResult::key).distinct().count());
    }

    @Test
    void aTruncatedFileIsNamedWithTheProblem() throws Exception {
        String whole = Files.readString(resource("real-codec-decode.json"));
        Path truncated = write("truncated.json", whole.substring(0, whole.length() / 2));
        ResultFileException e = assertThrows(ResultFileException.class, () -> JmhJson.read(truncated));
        assertTrue(e.getMessage().startsWith(truncated.toString() + ": not JSON"), e.getMessage());
    }

    @Test
    void otherJsonIsNotAResultFile() throws Exception {
        Path object = write("object.json", "{\"benchmark\": \"x\"}");
        assertTrue(assertThrows(ResultFileException.class, () -> JmhJson.read(object)).getMessage()
                .contains("expected a JSON array"));
        Path noMetric = write("nometric.json", "[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\"}]");
        assertTrue(assertThrows(ResultFileException.class, () -> JmhJson.read(noMetric)).getMessage()
                .contains("result #0 (a.B.c) has no primaryMetric"));
        Path badScore = write("bad.json", "[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\", \"primaryMetric\": {\"score\": \"fast\"}}]");
        assertTrue(assertThrows(ResultFileException.class, () -> JmhJson.read(badScore)).getMessage()
                .contains("'fast' is not a number"));
        assertTrue(assertThrows(ResultFileException.class, () -> JmhJson.read(dir.resolve("missing.json"))).getMessage()
                .contains("cannot read"));
    }

    @Test
    void directionComesFromTheUnit() {
        assertEquals(Metric.Direction.LOWER_IS_BETTER, new Metric(1, 0, "us/op").direction());
        assertEquals(Metric.Direction.LOWER_IS_BETTER, new Metric(1, 0, "B/op").direction());
        assertEquals(Metric.Direction.HIGHER_IS_BETTER, new Metric(1, 0, "ops/s").direction());
        assertEquals(Metric.Direction.UNKNOWN, new Metric(1, 0, "#").direction(), "a count has no direction of its own");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
