package io.wirebench.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirebench.testing.BenchmarkJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transport jar, smoke-sized (no fork, one short iteration, tiny orders), runs every benchmark over
 * every transport against servers it starts itself, produces the expected JSON (percentiles for the
 * latency benchmark) and leaves no server process behind.
 */
class TransportSmokeIT {

    @Test
    void everyTransportRunsAndNothingIsLeftRunning() throws Exception {
        java.time.Instant began = java.time.Instant.now();
        BenchmarkJar jar = BenchmarkJar.ofThisModule();
        Path json = jar.jar().resolveSibling("smoke-transport.json");
        Files.deleteIfExists(json);
        jar.run(900, "-f", "0", "-wi", "0", "-i", "1", "-r", "200ms", "-p", "shape=tiny", "-foe", "true",
                "-rf", "json", "-rff", json.toString());

        Set<String> expected = new TreeSet<>();
        // every transport the benchmark lists (TransportsTest checks the list against the registry)
        String[] transports = RoundTripBenchmark.class.getDeclaredField("transport").getAnnotation(org.openjdk.jmh.annotations.Param.class).value();
        for (String transport : transports) {
            expected.add("roundTrip sample " + transport);
            expected.add("concurrent thrpt " + transport);
            for (String connection : new String[] {"shared", "per-thread"}) {
                expected.add("throughput thrpt " + transport + " " + connection);
                expected.add("pipelined thrpt " + transport + " " + connection);
            }
        }
        Set<String> found = new TreeSet<>();
        for (JsonNode result : new ObjectMapper().readTree(json.toFile())) {
            String method = result.get("benchmark").asText().replace("io.wirebench.transport.RoundTripBenchmark.", "");
            JsonNode params = result.get("params");
            StringBuilder key = new StringBuilder(method).append(' ').append(result.get("mode").asText())
                    .append(' ').append(params.get("transport").asText());
            if (params.has("connection")) {
                key.append(' ').append(params.get("connection").asText());
            }
            found.add(key.toString());
            assertTrue(result.get("primaryMetric").get("score").asDouble() > 0, key.toString());
            assertEquals("8", params.path("responders").asText(), key + ": every transport's service concurrency is recorded");
            if (method.equals("roundTrip")) {
                JsonNode percentiles = result.get("primaryMetric").get("scorePercentiles");
                assertTrue(percentiles.has("50.0") && percentiles.has("99.0"), key + ": " + percentiles);
            }
        }
        assertEquals(expected, found);
        assertNoServerRunning(began);
    }

    /** No server process started since {@code since} is still running (older ones are not this run's business). */
    static void assertNoServerRunning(java.time.Instant since) {
        List<String> left = Transports.serversStartedSince(since);
        assertTrue(left.isEmpty(), "left running: " + left);
    }
}
