package io.wirebench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirebench.testing.BenchmarkJar;
import io.wirebench.transport.Transports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The e2e jar, smoke-sized (no fork, one short iteration, one shape, batch size and file size), runs all
 * three scenarios over all four transports against servers it starts itself, orders with and without
 * injected payment failures, files with corrupted chunks; the JSON holds each result with its secondary metrics (outcome rates, stage breakdown,
 * events, recoveries), and no server process is left behind.
 */
class ScenarioSmokeIT {
    /** Every transport the e2e benchmarks list (TransportParamsTest checks the lists against the registry). */
    static final List<String> TRANSPORTS = transportsOf(AbstractOrderBenchmark.class);

    static List<String> transportsOf(Class<?> benchmark) {
        try {
            return List.of(benchmark.getDeclaredField("transport").getAnnotation(org.openjdk.jmh.annotations.Param.class).value());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(benchmark + " has no transport parameter", e);
        }
    }

    @Test
    void everyScenarioRunsOverEveryTransport() throws Exception {
        Instant began = Instant.now();
        BenchmarkJar jar = BenchmarkJar.ofThisModule();
        Path json = jar.jar().resolveSibling("smoke-e2e.json");
        Files.deleteIfExists(json);
        jar.run(1200, "-f", "0", "-wi", "0", "-i", "1", "-r", "300ms", "-foe", "true",
                "-p", "shape=small", "-p", "batchSize=100", "-p", "fileKiB=1024", "-p", "corruptRate=0.05",
                "-rf", "json", "-rff", json.toString());

        Set<String> expected = new TreeSet<>();
        for (String t : TRANSPORTS) {
            expected.add("OrderPipelineBenchmark.latency sample " + t);
            expected.add("OrderPipelineBenchmark.throughput thrpt " + t);
            expected.add("OrderGoodputBenchmark.throughput thrpt " + t + " 0");
            expected.add("OrderGoodputBenchmark.throughput thrpt " + t + " 0.05");
            expected.add("AnalyticsBenchmark.ingestLatency sample " + t);
            expected.add("AnalyticsBenchmark.ingest thrpt " + t);
            expected.add("AnalyticsBenchmark.mixed thrpt " + t);
            expected.add("FilePipelineBenchmark.upload sample " + t + " 0.05");
            expected.add("FilePipelineBenchmark.uploads thrpt " + t + " 0.05");
        }
        Set<String> found = new TreeSet<>();
        for (JsonNode result : new ObjectMapper().readTree(json.toFile())) {
            String benchmark = result.get("benchmark").asText().replace("io.wirebench.e2e.", "");
            JsonNode params = result.get("params");
            StringBuilder keyText = new StringBuilder(benchmark).append(' ').append(result.get("mode").asText())
                    .append(' ').append(params.get("transport").asText());
            for (String rate : List.of("paymentFailureRate", "corruptRate")) {
                if (params.has(rate)) {
                    keyText.append(' ').append(params.get(rate).asText());
                }
            }
            String key = keyText.toString();
            found.add(key);
            assertTrue(result.get("primaryMetric").get("score").asDouble() > 0, key);
            JsonNode secondary = result.get("secondaryMetrics");
            if (result.get("mode").asText().equals("sample")) {
                JsonNode percentiles = result.get("primaryMetric").get("scorePercentiles");
                assertTrue(percentiles.has("50.0") && percentiles.has("99.0"), key + ": " + percentiles);
            }
            if (benchmark.endsWith("throughput")) {
                double endToEnd = secondary.get("endToEndUs").get("score").asDouble();
                double parts = 0;
                for (String stage : List.of("decodeUs", "validateUs", "reserveUs", "chargeUs", "encodeUs", "backoffUs", "transportUs")) {
                    parts += secondary.get(stage).get("score").asDouble();
                }
                assertTrue(endToEnd > 0, key + ": no end-to-end time");
                assertEquals(endToEnd, parts, endToEnd * 0.03, key + ": the stages add up to the end-to-end time");
            }
            if (benchmark.startsWith("OrderGoodputBenchmark")) {
                assertTrue(secondary.get("goodput").get("score").asDouble() > 0, key + ": goodput");
                assertTrue(secondary.has("retries") && secondary.has("paymentFailed"), key + ": " + secondary);
            }
            if (benchmark.startsWith("AnalyticsBenchmark.ingest") && !benchmark.endsWith("Latency")) {
                assertTrue(secondary.get("events").get("score").asDouble() > 0, key);
            }
            if (benchmark.equals("AnalyticsBenchmark.mixed")) {
                assertTrue(secondary.get("mixedQuery").get("score").asDouble() > 0, key + ": readers ran");
                assertTrue(secondary.get("mixedIngest").get("score").asDouble() > 0, key + ": writers ran");
            }
            if (benchmark.equals("FilePipelineBenchmark.uploads")) {
                assertTrue(secondary.has("recoveries"), key);
            }
        }
        assertEquals(expected, found);
        List<String> left = Transports.serversStartedSince(began);
        assertTrue(left.isEmpty(), "left running: " + left);
    }
}
