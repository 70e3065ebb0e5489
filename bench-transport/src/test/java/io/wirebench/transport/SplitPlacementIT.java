package io.wirebench.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirebench.testing.BenchmarkJar;
import io.wirebench.transport.server.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code -p placement=split} as a user runs it ({@code java -jar benchmarks.jar}): each fork starts the service in
 * a process of its own on CPUs of its own, and the round trips over NATS and HTTP are answered by it.
 */
class SplitPlacementIT {

    @Test
    void roundTripsOverNatsAndHttpWithTheServiceInAnotherPinnedProcess() throws Exception {
        Instant began = Instant.now();
        BenchmarkJar jar = BenchmarkJar.ofThisModule();
        Path json = jar.jar().resolveSibling("split-placement.json");
        Files.deleteIfExists(json);
        String out = jar.run(600, "RoundTripBenchmark.roundTrip$", "-f", "1", "-wi", "0", "-i", "1", "-r", "500ms", "-foe", "true",
                "-p", "transport=nats,http", "-p", "shape=small", "-p", "placement=split", "-rf", "json", "-rff", json.toString());
        Set<String> found = new TreeSet<>();
        for (JsonNode result : new ObjectMapper().readTree(json.toFile())) {
            assertEquals("split", result.get("params").get("placement").asText());
            assertTrue(result.get("primaryMetric").get("score").asDouble() > 0, result.toString());
            found.add(result.get("params").get("transport").asText());
        }
        assertEquals(Set.of("nats", "http"), found);
        assertEquals(2, out.split("# wirebench placement: split: service \\(pid [0-9]+\\) on CPUs [0-9,]+, callers on CPUs [0-9,]+", -1).length - 1,
                "each fork says where its service ran:\n" + out);
        assertTrue(Processes.serversStartedSince(began).isEmpty(), "left running: " + Processes.serversStartedSince(began));
    }
}
