package io.wirebench.transport.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirebench.transport.Transports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The floor stage against the real servers and tools (nats-server, wrk, redis-server and redis-benchmark,
 * rabbitmq-server), smoke-sized: every transport's floor at 1 and 2 callers lands in peers.json with its
 * tool, version and command, and a second run adds a pass instead of replacing the first. No figure is
 * judged here: benchmarks are not tests.
 */
class PeersCommandTest {
    @TempDir
    Path dir;

    @Test
    void everyTransportsFloorLandsInPeersJsonAndASecondRunAddsAPass() throws Exception {
        Path out = dir.resolve("peers.json");
        String[] args = {"--out", out.toString(), "--transports", String.join(",", Transports.withFloor()), "--shapes", "tiny", "--callers", "1,2",
            "--warmup", "0", "--round", "1", "--rounds", "1"};
        assertEquals(0, new CommandLine(new PeersCommand()).execute(args));
        JsonNode root = new ObjectMapper().readTree(out.toFile());
        assertEquals("wirebench-peers-1", root.get("format").asText());
        assertEquals(1, root.get("passes").size());
        Set<String> seen = new HashSet<>();
        for (JsonNode r : root.get("passes").get(0).get("results")) {
            seen.add(r.get("transport").asText() + " " + r.get("role").asText() + " " + r.get("callers").asInt());
            assertFalse(r.get("version").asText().isBlank() || "unknown".equals(r.get("version").asText()), r.toString());
            assertFalse(r.get("command").asText().isBlank(), r.toString());
            assertEquals(1, r.get("rounds").size());
            JsonNode round = r.get("rounds").get(0);
            assertTrue(round.get("p50Us").asDouble() > 0 && round.get("requestsPerSecond").asDouble() > 0, r.toString());
        }
        for (String transport : Transports.withFloor()) {
            assertTrue(seen.contains(transport + " floor 1") && seen.contains(transport + " floor 2"), transport + ": " + seen);
        }
        assertTrue(seen.contains("redis reference 1"), "redis-benchmark beside the loop: " + seen);
        assertEquals(0, new CommandLine(new PeersCommand()).execute("--out", out.toString(), "--transports", "nats", "--shapes", "tiny",
                "--callers", "1", "--warmup", "0", "--round", "1", "--rounds", "1"));
        assertEquals(2, new ObjectMapper().readTree(out.toFile()).get("passes").size(), "the second run is a second pass");
    }

    @Test
    void anUnknownTransportIsRefusedWithTheValidOnes() {
        CommandLine cli = new CommandLine(new PeersCommand());
        java.io.StringWriter err = new java.io.StringWriter();
        java.io.PrintWriter printer = new java.io.PrintWriter(err);
        cli.setErr(printer);
        assertEquals(2, cli.execute("--out", dir.resolve("p.json").toString(), "--transports", "carrier-pigeon"));
        printer.flush();
        assertTrue(err.toString().contains("unknown 'carrier-pigeon'; valid: " + String.join(", ", Transports.withFloor())), "[" + err + "]");
        assertFalse(Files.exists(dir.resolve("p.json")));
    }
}
