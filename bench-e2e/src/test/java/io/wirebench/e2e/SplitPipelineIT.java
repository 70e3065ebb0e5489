package io.wirebench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirebench.testing.BenchmarkJar;
import io.wirebench.transport.Transports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order pipeline with {@code -p placement=split}, as a user runs it: each fork starts the four services in a
 * process of its own on CPUs of its own, sends its orders there over NATS and HTTP, and checks the pipeline's books
 * after every iteration over its order-books endpoint.
 */
class SplitPipelineIT {

    @Test
    void orderRoundTripsOverNatsAndHttpWithThePipelineInAnotherPinnedProcess() throws Exception {
        Instant began = Instant.now();
        BenchmarkJar jar = BenchmarkJar.ofThisModule();
        Path json = jar.jar().resolveSibling("split-pipeline.json");
        Files.deleteIfExists(json);
        String out = jar.run(600, "OrderPipelineBenchmark.latency", "-f", "1", "-wi", "0", "-i", "2", "-r", "500ms", "-foe", "true",
                "-p", "transport=nats,http", "-p", "shape=small", "-p", "placement=split", "-rf", "json", "-rff", json.toString());
        Set<String> found = new TreeSet<>();
        for (JsonNode result : new ObjectMapper().readTree(json.toFile())) {
            assertEquals("split", result.get("params").get("placement").asText());
            assertTrue(result.get("primaryMetric").get("score").asDouble() > 0, result.toString());
            found.add(result.get("params").get("transport").asText());
        }
        assertEquals(Set.of("nats", "http"), found);
        assertEquals(2, out.split("# wirebench placement: split: service \\(pid [0-9]+\\) on CPUs [0-9,]+, callers on CPUs [0-9,]+", -1).length - 1,
                "each fork says where its pipeline ran:\n" + out);
        assertTrue(Transports.serversStartedSince(began).isEmpty(), "left running: " + Transports.serversStartedSince(began));
    }

    @Test
    void aBenchmarkThatTimesStagesRefusesTheSplitPlacementByName() {
        AssertionError refused = assertThrows(AssertionError.class, () -> BenchmarkJar.ofThisModule().run(300, "OrderPipelineBenchmark.throughput",
                "-f", "0", "-wi", "0", "-i", "1", "-r", "200ms", "-foe", "true", "-p", "transport=nats", "-p", "shape=small", "-p", "placement=split"));
        assertTrue(refused.getMessage().contains("placement=split times no stages"), refused.getMessage());
    }
}
