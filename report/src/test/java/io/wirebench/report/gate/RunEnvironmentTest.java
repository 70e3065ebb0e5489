package io.wirebench.report.gate;

import io.wirebench.report.gate.SharedEnvironment;
import io.wirebench.report.model.RunEnvironment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunEnvironmentTest {
    static final Path BASELINE = Path.of("../results/baseline/environment.txt");

    @Test
    void linesKeepTheirOrderAndAValueMayHoldAColon() {
        RunEnvironment env = RunEnvironment.parse("date: 2026-12-02T04:31:49Z\nserver.nats-server: nats-server: v2.9.10\nnot a line\nseed: 7\n");
        assertEquals(List.of("date", "server.nats-server", "seed"), List.copyOf(env.lines().keySet()));
        assertEquals("nats-server: v2.9.10", env.get("server.nats-server"));
        assertEquals("date: 2026-12-02T04:31:49Z\nserver.nats-server: nats-server: v2.9.10\nseed: 7\n", env.text());
    }

    /** A file from before the server lines had their prefix reads as one written now, so a committed baseline stays comparable. */
    @Test
    void anOlderFilesServerLinesReadAsServerLines() {
        RunEnvironment older = RunEnvironment.parse("cpu: x\nnats-server: nats-server: v2.9.10\nrabbitmq-server: 3.10.8\njava.bin: /usr/bin/java\n");
        assertEquals(List.of("server.nats-server", "server.rabbitmq-server"), older.serverKeys());
        assertEquals("3.10.8", older.get("server.rabbitmq-server"));
        assertEquals("/usr/bin/java", older.get("java.bin"), "only a key ending in -server, with no dot, is an older server line");
        assertEquals(List.of(), SharedEnvironment.differences(older.text(), "cpu: x\nserver.nats-server: nats-server: v2.9.10\n"
                + "server.rabbitmq-server: 3.10.8\n"));
        assertEquals(List.of("server.nats-server differs: baseline 'nats-server: v2.9.10', current 'nats-server: v2.10.0'"),
                SharedEnvironment.differences(older.text(), "cpu: x\nserver.nats-server: nats-server: v2.10.0\nserver.rabbitmq-server: 3.10.8\n"));
    }

    @Test
    void addingSetsALineInItsPlaceOrLastAndRefusesWhatWouldBreakTheFormat() {
        RunEnvironment env = RunEnvironment.parse("date: x\nseed: 1\n").with("seed", "2").with("failed", "bench-e2e");
        assertEquals("date: x\nseed: 2\nfailed: bench-e2e\n", env.text());
        assertThrows(IllegalArgumentException.class, () -> env.with("a:b", "c"));
        assertThrows(IllegalArgumentException.class, () -> env.with("hook", "two\nlines"));
    }

    @Test
    void theCommittedBaselineHasEveryLineTheGateCompares() {
        RunEnvironment baseline = RunEnvironment.read(BASELINE);
        List<String> shared = SharedEnvironment.keys(List.of(baseline.lines()));
        assertEquals(List.of("cpu", "memory", "java", "server.nats-server", "server.redis-server", "server.rabbitmq-server", "placement"), shared);
        for (String key : shared) {
            if (!key.equals("placement")) { // older than --placement: colocated, which the gate assumes for a run without the line
                assertNotNull(baseline.get(key), key + " missing from " + BASELINE);
            }
        }
        assertEquals(List.of(), SharedEnvironment.differences(RunEnvironment.read(BASELINE).text(),
                RunEnvironment.read(BASELINE).with("placement", "colocated").text()));
        assertEquals(1, SharedEnvironment.differences(RunEnvironment.read(BASELINE).text(),
                RunEnvironment.read(BASELINE).with("placement", "split").text()).size(), "a split run is not compared with a colocated one");
    }
}
