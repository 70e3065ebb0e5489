package io.wirebench.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirebench.testing.BenchmarkJar;
import io.wirebench.transport.server.Processes;
import io.wirebench.transport.server.ServerReaper;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of a benchmark JVM leaves its nats-server running (no shutdown hook runs); the next
 * start of any managed server reaps it.
 */
class OrphanReapingIT {

    @Test
    void aKilledBenchmarkJvmsServerIsReapedByTheNextRun() throws Exception {
        BenchmarkJar jar = BenchmarkJar.ofThisModule();
        Process benchmark = new ProcessBuilder(System.getProperty("java.bin", "java"), "-jar", jar.jar().toString(),
                "RoundTripBenchmark.roundTrip", "-f", "0", "-wi", "0", "-i", "1", "-r", "120s",
                "-p", "transport=nats", "-p", "shape=tiny")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            ProcessHandle server = waitForChild(benchmark.toHandle(), "nats-server", 60);
            benchmark.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertTrue(Processes.running(server), "after kill -9 of its JVM, the nats-server is an orphan");
            ServerReaper.reapOrphans();
            assertTrue(Processes.awaitExit(server, 15_000), "the orphan was not reaped");
        } finally {
            benchmark.destroyForcibly();
        }
    }

    private static ProcessHandle waitForChild(ProcessHandle parent, String command, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> child = parent.descendants()
                    .filter(p -> p.info().command().map(c -> c.endsWith(command)).orElse(false)).findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError(command + " did not start under the benchmark JVM within " + seconds + " s");
    }
}
