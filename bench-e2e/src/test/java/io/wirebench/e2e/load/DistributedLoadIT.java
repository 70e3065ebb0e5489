package io.wirebench.e2e.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirebench.testing.BenchmarkJar;
import io.wirebench.transport.Transports;
import io.wirebench.transport.nats.ManagedNatsServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Distributed load as a user runs it: worker processes from the module's benchmarks.jar, a real nats-server
 * as the control plane, the coordinator adding their results. Against a no-op service, so what is checked is
 * the bookkeeping (every request of the one schedule in exactly one share, the merged histogram the sum of the
 * workers'), not a speed.
 */
class DistributedLoadIT {

    @TempDir
    Path dir;

    @Test
    void threeLocalWorkersMergeExactly() throws Exception {
        Instant began = Instant.now();
        load("load",
                "--config", "../config/test-config.yaml", "--scenario", "noop", "--workers", "3", "--rate", "3000", "--duration", "3s",
                "--users", "30", "--spawn-rate", "300", "--out", dir.toString());
        JsonNode result = new ObjectMapper().readTree(dir.resolve("load-noop-workers-3.json").toFile());

        LoadPlan plan = new LoadPlan(3000, Duration.ofSeconds(3), 30, Duration.ofMillis(5000), Duration.ofMillis(100));
        assertEquals(plan.requests(), result.get("scheduled").asLong(), "the one schedule, ramp-up included");
        JsonNode workers = result.get("workers");
        assertEquals(3, workers.size());
        long scheduled = 0;
        long corrected = 0;
        long succeeded = 0;
        for (JsonNode w : workers) {
            assertEquals("finished", w.get("status").asText(), w.toString());
            assertEquals(new ScheduleShare(w.get("index").asInt(), 3).count(plan.requests()), w.get("scheduled").asLong(), w.toString());
            scheduled += w.get("scheduled").asLong();
            corrected += w.get("correctedCount").asLong();
            succeeded += w.get("succeeded").asLong();
            assertTrue(w.get("correctedCount").asLong() > 0, w.toString());
        }
        assertEquals(plan.requests(), scheduled);
        assertEquals(corrected, result.get("latencyCorrectedMicros").get("count").asLong(), "the merged histogram holds every worker's successes");
        assertEquals(succeeded, result.get("succeeded").asLong());
        assertEquals(result.get("scheduled").asLong(), result.get("succeeded").asLong() + result.get("failed").asLong());
        assertTrue(result.get("clockOffsetMaxMillis").isNumber(), result.toString());
        assertFalse(result.get("intervals").isEmpty(), "the workers' seconds, added");
        assertTrue(Transports.serversStartedSince(began).isEmpty(), "left running: " + Transports.serversStartedSince(began));
    }

    /** The e-commerce scenario with two workers: the pipeline and its books here, the orders from the workers' processes. */
    @Test
    void ordersFromTwoWorkersBalanceTheBooksOfOnePipeline() throws Exception {
        Instant began = Instant.now();
        load("load",
                "--config", "../config/test-config.yaml", "--scenario", "ecommerce", "--transport", "nats", "--workers", "2", "--rate", "100",
                "--duration", "2s", "--users", "8", "--spawn-rate", "16", "--out", dir.toString());
        JsonNode result = new ObjectMapper().readTree(dir.resolve("load-ecommerce-nats-workers-2.json").toFile());
        JsonNode books = result.get("accounting");
        assertTrue(books.get("booksBalance").asBoolean(), books.toString());
        long sent = 0;
        for (JsonNode w : result.get("workers")) {
            assertEquals("finished", w.get("status").asText(), w.toString());
            assertTrue(w.get("succeeded").asLong() > 0, "each worker's orders were accepted: " + w);
            sent += w.get("sent").asLong();
        }
        assertEquals(sent, books.get("sent").asLong(), "the books count every order the workers sent");
        assertEquals(result.get("succeeded").asLong(), books.get("accepted").asLong(), "every success is an order the gateway accepted");
        assertEquals("ecommerce", result.get("context").get("scenario").asText());
        assertTrue(Transports.serversStartedSince(began).isEmpty(), "left running: " + Transports.serversStartedSince(began));
    }

    /** The analytics scenario with two workers: the aggregation service and its readers here, the batches from the workers. */
    @Test
    void batchesFromTwoWorkersAreAggregatedWholeWhileReadersSeeConsistentSnapshots() throws Exception {
        load("analytics",
                "--config", "../config/test-config.yaml", "--scenario", "analytics", "--transport", "nats", "--workers", "2", "--rate", "200",
                "--duration", "2s", "--users", "8", "--spawn-rate", "16", "--out", dir.toString());
        JsonNode result = new ObjectMapper().readTree(dir.resolve("load-analytics-nats-workers-2.json").toFile());
        JsonNode books = result.get("accounting");
        assertTrue(books.get("booksBalance").asBoolean(), books.toString());
        assertEquals(0, books.get("inconsistentSnapshots").asLong(), books.toString());
        assertTrue(books.get("reads").asLong() > 0, "the readers ran: " + books);
        long sent = 0;
        for (JsonNode w : result.get("workers")) {
            assertEquals("finished", w.get("status").asText(), w.toString());
            sent += w.get("sent").asLong();
        }
        assertEquals(sent, books.get("batchesSent").asLong(), "the books count every batch the workers sent");
        assertEquals(result.get("succeeded").asLong(), books.get("batchesAggregated").asLong(), "every acknowledged batch aggregated, once");
    }

    /** A knee search over the same workers, step after step, and a fault during a run with workers: both as with one generator. */
    @Test
    void aKneeSearchStepsOverTheSameWorkersAndAFaultIsCostedAsWithOneGenerator() throws Exception {
        Path config = Files.writeString(dir.resolve("config.yaml"), Files.readString(Path.of("../config/test-config.yaml"))
                .replace("step_seconds: 10", "step_seconds: 1").replace("max_steps: 12", "max_steps: 2"));
        load("knee",
                "--config", config.toString(), "--scenario", "noop", "--workers", "2", "--rate", "500", "--knee", "--users", "8",
                "--out", dir.toString());
        JsonNode search = new ObjectMapper().readTree(dir.resolve("knee-noop-workers-2.json").toFile());
        assertEquals(2, search.get("steps").size(), Files.readString(dir.resolve("knee.log")));
        assertEquals("2", search.get("context").get("workers").asText());

        load("fault",
                "--config", "../config/test-config.yaml", "--scenario", "ecommerce", "--transport", "nats", "--workers", "2", "--rate", "100",
                "--duration", "3s", "--users", "8", "--spawn-rate", "16", "--fault", "at=1,action=slow,target=payment,duration=1,delay_ms=20",
                "--out", dir.toString());
        JsonNode run = new ObjectMapper().readTree(dir.resolve("load-ecommerce-nats-slow-payment-workers-2.json").toFile());
        JsonNode fault = run.get("faults").get(0);
        assertEquals("slow", fault.get("action").asText(), fault.toString());
        assertTrue(fault.get("errors").isNull(), "the fault went as asked: " + fault);
        assertTrue(fault.get("brokeAtSeconds").asDouble() >= 1, "timed from the workers' common start, after the ramp-up: " + fault);
        assertTrue(run.get("accounting").get("booksBalance").asBoolean(), run.get("accounting").toString());
    }

    @Test
    void aWorkerKilledMidRunIsNamedAndFailsTheRun() throws Exception {
        Instant began = Instant.now();
        Path jar = BenchmarkJar.ofThisModule().jar();
        LoadPlan plan = new LoadPlan(1500, Duration.ofSeconds(4), 30, Duration.ofMillis(1000), Duration.ZERO);
        DistributedLoad run;
        try (ManagedNatsServer control = new ManagedNatsServer()) {
            control.start();
            try (LoadCoordinator coordinator = new LoadCoordinator(control.url(), 3, line -> { });
                 LocalWorkers workers = new LocalWorkers(3, control.url(), dir, jar.toString())) {
                CompletableFuture<DistributedLoad> result = CompletableFuture.supplyAsync(() -> {
                    try {
                        return coordinator.run(plan, LoadProtocol.Target.noop(), Duration.ofSeconds(60));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                // the plan goes out once all three are ready; the schedule starts START_DELAY later
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!allReady(3) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertTrue(allReady(3), "the three workers were not ready within 60 s");
                Thread.sleep(LoadCoordinator.START_DELAY.toMillis() + 1500);
                workers.kill(1);
                run = result.get(60, TimeUnit.SECONDS);
            }
        }
        List<WorkerRow> lost = run.lost();
        assertEquals(1, lost.size(), run.workers().toString());
        assertEquals("local-1", lost.get(0).name());
        assertTrue(lost.get(0).sent() > 0 && lost.get(0).sent() < lost.get(0).scheduled(), "killed mid-run: " + lost.get(0));
        assertEquals(plan.requests(), run.merged().scheduled());
        long workerLost = run.merged().failures().get(FailureKind.WORKER_LOST);
        assertTrue(workerLost > 0, run.merged().failures().toString());
        assertEquals(plan.requests(), run.merged().succeeded() + run.merged().failed(), "every request of the schedule accounted for");
        var json = DistributedLoadJson.toJson(run, Map.of("scenario", "noop"), 0.01, Double.NaN);
        assertEquals(DistributedLoadJson.WORKER_LOST, json.get("status").asText());
        assertTrue(json.get("reason").asText().startsWith("local-1 (worker " + lost.get(0).index() + ": nothing heard for"), json.get("reason").asText());
        assertTrue(Transports.serversStartedSince(began).isEmpty(), "left running: " + Transports.serversStartedSince(began));
    }

    /** Each worker says its share once it has joined and measured its clock ("worker local-0: share 2 of 3, ..."). */
    private boolean allReady(int workers) throws java.io.IOException {
        for (int k = 0; k < workers; k++) {
            Path log = dir.resolve("worker-" + k + ".log");
            if (!Files.exists(log) || !Files.readString(log).contains(" of " + workers + ", clock offset")) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code scripts/load ARGS} as a user runs it, from the module's jar, its output in {@code NAME.log}: it must end within 180 s,
     * with 0 (passed) or 1 (ran, but did not pass: what a test asks of the result is its own).
     */
    private void load(String name, String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(System.getProperty("java.bin", "java"), "-cp",
                BenchmarkJar.ofThisModule().jar().toString(), LoadCommand.class.getName()));
        command.addAll(java.util.List.of(args));
        Path log = dir.resolve(name + ".log");
        Process load = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!load.waitFor(180, TimeUnit.SECONDS)) {
            load.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(String.join(" ", command) + " did not end within 180 s:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        assertTrue(load.exitValue() == 0 || load.exitValue() == 1, "exit " + load.exitValue() + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
    }
}
