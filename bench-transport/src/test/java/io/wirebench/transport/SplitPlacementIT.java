package io.wirebench.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirebench.testing.BenchmarkJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code -p placement=split} as a user runs it ({@code java -jar benchmarks.jar}): each fork starts the service in
 * a process of its own on CPUs of its own, and the round trips over NATS and HTTP are answered by it.
 */
class SplitPlacementIT {

    @Test
    void roundTripsOverNatsAndHttpWithTheServiceInAnotherPinnedProcess() throws Exception {
        String out = runOverNatsAndHttp("split");
        assertEquals(2, out.split("# wirebench placement: split: service \\(pid [0-9]+\\) on CPUs [0-9,]+, callers on CPUs [0-9,]+", -1).length - 1,
                "each fork says where its service ran:\n" + out);
    }

    /** split-netns: the service in a network namespace of its own behind a veth pair, secured, and the namespace gone after. */
    @Test
    void roundTripsAcrossANetworkNamespaceWithTheServiceSecured() throws Exception {
        String out = runOverNatsAndHttp("split-netns", "-p", "security=auth");
        assertEquals(2, out.split("; namespace wb-[0-9]+-[0-9]+, veth wbh[0-9a-z]+ 10\\.213\\.[0-9.]+ <-> 10\\.213\\.[0-9.]+", -1).length - 1,
                "each fork names its namespace and veth pair:\n" + out);
        Process list = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
        String namespaces = new String(list.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        list.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        assertFalse(namespaces.contains("wb-"), "no namespace outlives its run: " + namespaces);
    }

    /**
     * RoundTripBenchmark.roundTrip over nats and http, one fork each, at {@code placement}: a result for each, with that placement
     * and a score, and no server left running after; returns JMH's output.
     */
    private static String runOverNatsAndHttp(String placement, String... more) throws Exception {
        Instant began = Instant.now();
        BenchmarkJar jar = BenchmarkJar.ofThisModule();
        Path json = jar.jar().resolveSibling(placement + ".json");
        Files.deleteIfExists(json);
        List<String> args = new ArrayList<>(List.of("RoundTripBenchmark.roundTrip$", "-f", "1", "-wi", "0", "-i", "1", "-r", "500ms", "-foe", "true",
                "-p", "transport=nats,http", "-p", "shape=small", "-p", "placement=" + placement, "-rf", "json", "-rff", json.toString()));
        args.addAll(List.of(more));
        String out = jar.run(600, args.toArray(String[]::new));
        Set<String> found = new TreeSet<>();
        for (JsonNode result : new ObjectMapper().readTree(json.toFile())) {
            assertEquals(placement, result.get("params").get("placement").asText());
            assertTrue(result.get("primaryMetric").get("score").asDouble() > 0, result.toString());
            found.add(result.get("params").get("transport").asText());
        }
        assertEquals(Set.of("nats", "http"), found);
        assertTrue(Transports.serversStartedSince(began).isEmpty(), "left running: " + Transports.serversStartedSince(began));
        return out;
    }

    @Test
    void anUnsecuredServiceBeyondLoopbackIsRefusedByName() {
        AssertionError refused = assertThrows(AssertionError.class, () -> BenchmarkJar.ofThisModule().run(300, "RoundTripBenchmark.roundTrip$",
                "-f", "0", "-wi", "0", "-i", "1", "-r", "200ms", "-foe", "true", "-p", "transport=nats", "-p", "shape=small", "-p", "placement=split-netns"));
        assertTrue(refused.getMessage().contains("placement=split-netns puts the service beyond loopback"), refused.getMessage());
    }
}
