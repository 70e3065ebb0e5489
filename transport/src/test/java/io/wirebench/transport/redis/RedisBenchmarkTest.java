package io.wirebench.transport.redis;

import io.wirebench.transport.floor.PeerRound;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** redis-benchmark's CSV, as redis 7.0 prints it with --csv. */
class RedisBenchmarkTest {

    @Test
    void readsTheLpushRow() {
        String csv = """
                "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
                "LPUSH","13201.32","0.071","0.024","0.071","0.103","0.143","1.239"
                """;
        PeerRound r = RedisBenchmark.parse(csv, "redis-benchmark -t lpush --csv");
        assertEquals(71, r.p50Us(), 1e-9);
        assertEquals(143, r.p99Us(), 1e-9);
        assertEquals(13201.32, r.requestsPerSecond(), 1e-9);
    }

    @Test
    void outputWithoutTheRowIsAnErrorNamingTheCommand() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RedisBenchmark.parse("Could not connect to Redis", "redis-benchmark -p 1"));
        assertTrue(e.getMessage().contains("redis-benchmark -p 1") && e.getMessage().contains("Could not connect"), e.getMessage());
    }
}
