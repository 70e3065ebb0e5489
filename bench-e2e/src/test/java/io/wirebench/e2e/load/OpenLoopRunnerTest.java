package io.wirebench.e2e.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.inmemory.InMemoryTransport;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenLoopRunnerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static byte[] request(long i) {
        return ByteBuffer.allocate(8).putLong(i).array();
    }

    private static boolean echoed(long i, byte[] reply) {
        return Arrays.equals(request(i), reply);
    }

    @Test
    void theCorrectedPercentilesShowAStallThatTheUncorrectedOnesHide() throws Exception {
        long runStart = System.nanoTime();
        long stallFrom = runStart + TimeUnit.MILLISECONDS.toNanos(1_500);
        long stallUntil = stallFrom + TimeUnit.MILLISECONDS.toNanos(500);
        try (InMemoryTransport transport = new InMemoryTransport(new TransportSettings(TIMEOUT, 1, null))) {
            RpcServer server = transport.newServer();
            // one service instance that stops answering for 500 ms once, like a GC pause or a SIGSTOP
            server.register("echo", bytes -> {
                long now = System.nanoTime();
                if (now >= stallFrom && now < stallUntil) {
                    TimeUnit.NANOSECONDS.sleep(stallUntil - now);
                }
                return bytes;
            });
            RpcClient client = transport.newClient();
            List<String> lines = new ArrayList<>();
            LoadResult result = new OpenLoopRunner(client, "echo", OpenLoopRunnerTest::request,
                    OpenLoopRunnerTest::echoed, lines::add).run(new LoadPlan(500, Duration.ofSeconds(4), 1, TIMEOUT));

            assertEquals(2_000, result.scheduled());
            assertEquals(2_000, result.succeeded(), "failures: " + result.failures());
            assertEquals(result.succeeded(), result.corrected().getTotalCount());
            assertEquals(result.succeeded(), result.uncorrected().getTotalCount());
            double correctedP999 = result.corrected().getValueAtPercentile(99.9) / 1e6;
            double uncorrectedP999 = result.uncorrected().getValueAtPercentile(99.9) / 1e6;
            double uncorrectedMax = result.uncorrected().getMaxValue() / 1e6;
            assertTrue(correctedP999 >= 300, "corrected p99.9 must reflect the 500 ms stall: " + correctedP999 + " ms");
            assertTrue(uncorrectedMax >= 400, "the one request in flight during the stall saw it: " + uncorrectedMax + " ms");
            assertTrue(uncorrectedP999 < 250, "uncorrected p99.9 hides the stall: " + uncorrectedP999 + " ms");
            assertTrue(lines.size() >= 3, "a progress line a second: " + lines);
            assertTrue(result.intervals().size() >= 4, "a sample a second: " + result.intervals());
        }
    }

    @Test
    void failuresAreCountedByKindAndNeverEnterTheHistograms() throws Exception {
        try (InMemoryTransport transport = new InMemoryTransport(new TransportSettings(TIMEOUT, 2, null))) {
            RpcServer server = transport.newServer();
            server.register("flaky", bytes -> {
                long i = ByteBuffer.wrap(bytes).getLong();
                if (i % 10 == 0) {
                    throw new IllegalStateException("payment declined");
                }
                if (i % 10 == 5) {
                    return new byte[] {0};
                }
                return bytes;
            });
            LoadResult result = new OpenLoopRunner(transport.newClient(), "flaky", OpenLoopRunnerTest::request,
                    OpenLoopRunnerTest::echoed, line -> { }).run(new LoadPlan(1_000, Duration.ofSeconds(1), 8, TIMEOUT));
            assertEquals(1_000, result.scheduled());
            assertEquals(100L, result.failures().get(FailureKind.REJECTED));
            assertEquals(100L, result.failures().get(FailureKind.WRONG_REPLY));
            assertEquals(800, result.succeeded());
            assertEquals(800, result.corrected().getTotalCount());
            assertEquals(0.2, result.errorRate(), 1e-9);
        }
    }

    @Test
    void unansweredRequestsAreTimeoutsAndTheRunStillEnds() throws Exception {
        try (InMemoryTransport transport = new InMemoryTransport(new TransportSettings(Duration.ofMillis(200), 4, null))) {
            RpcServer server = transport.newServer();
            server.register("slow", bytes -> {
                Thread.sleep(1_000);
                return bytes;
            });
            long start = System.nanoTime();
            LoadResult result = new OpenLoopRunner(transport.newClient(), "slow", OpenLoopRunnerTest::request,
                    OpenLoopRunnerTest::echoed, line -> { }).run(new LoadPlan(20, Duration.ofSeconds(1), 4, Duration.ofMillis(200)));
            assertEquals(20L, result.failures().get(FailureKind.TIMEOUT));
            assertEquals(0, result.corrected().getTotalCount());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "bounded");
        }
    }

    @Test
    void requestsThatNeverCompleteEndTheRunOnTimeAndTheRestAreCountedNotSent() throws Exception {
        // one user, 50 requests a second, every request hangs until the runner's own bound (100 ms + 1 s) frees
        // its user: without a deadline the run would work through its backlog for ~55 s
        LoadOperation hanging = i -> new java.util.concurrent.CompletableFuture<>();
        LoadPlan plan = new LoadPlan(50, Duration.ofSeconds(1), 1, Duration.ofMillis(100));
        List<String> lines = new ArrayList<>();
        long start = System.nanoTime();
        LoadResult result = new OpenLoopRunner(hanging, lines::add).run(plan);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 1 + 2 * 1.1 + 1.5, "the schedule plus two slot waits, with room for a slow machine: " + seconds);
        assertEquals(plan.requests(), result.succeeded() + result.failed(), "every scheduled request is accounted for");
        assertEquals(0, result.succeeded());
        assertTrue(result.failures().get(FailureKind.NOT_SENT) >= plan.requests() - 4, result.failures().toString());
        assertTrue(result.failures().get(FailureKind.TIMEOUT) >= 1, "the ones sent timed out: " + result.failures());
        assertTrue(lines.stream().anyMatch(l -> l.contains("never sent")), lines.toString());
    }

    @Test
    void aServiceTooSlowForItsUsersIsToldFromASlowSender() throws Exception {
        // 200 requests a second over 2 users, each request taking 12 ms: 2 in flight carry about 166 a second, so every user
        // is busy, the sender waits for a free one and the next requests go out late, by the service's doing, not its own
        ScheduledExecutorService replies = Executors.newSingleThreadScheduledExecutor();
        try {
            LoadOperation slow = i -> {
                CompletableFuture<Void> done = new CompletableFuture<>();
                replies.schedule(() -> done.complete(null), 12, TimeUnit.MILLISECONDS);
                return done;
            };
            LoadResult result = new OpenLoopRunner(slow, line -> { }).run(new LoadPlan(200, Duration.ofSeconds(2), 2, TIMEOUT));
            assertTrue(!result.senderKeptUp() && result.usersWereBusy(), result.waitingForUsersSeconds() + " s waiting for a user of "
                    + result.elapsedSeconds());
            ObjectNode json = LoadResultJson.toJson(result, Map.of(), 0.01);
            assertEquals(LoadResultJson.SERVICE_FELL_BEHIND, json.get("status").asText());
            String reason = json.get("reason").asText();
            assertTrue(reason.startsWith("every user was busy for ") && reason.contains("(2 in flight at most), did not keep the rate of 200/s")
                    && reason.contains("the sender itself kept up"), reason);
        } finally {
            replies.shutdownNow();
        }
    }

    @Test
    void aSenderThatCannotKeepItsScheduleSaysSoAndTheRunFails() throws Exception {
        // 300 requests a second, but each start blocks the sender's thread for 4 ms: it can send 250 a second,
        // falls further behind with every request, and the run's status says the generator limited it
        LoadOperation blocking = i -> {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(4));
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        };
        List<String> lines = new ArrayList<>();
        LoadResult result = new OpenLoopRunner(blocking, lines::add).run(new LoadPlan(300, Duration.ofSeconds(2), 8, TIMEOUT));
        assertTrue(result.sendLagP99Millis() > LoadResult.SENDER_LAG_LIMIT_MILLIS, "p99 send lag " + result.sendLagP99Millis() + " ms");
        assertTrue(!result.senderKeptUp());
        com.fasterxml.jackson.databind.node.ObjectNode json = LoadResultJson.toJson(result, java.util.Map.of(), 0.01);
        assertEquals(LoadResultJson.SENDER_FELL_BEHIND, json.get("status").asText());
        assertTrue(json.get("reason").asText().startsWith("the sender fell behind its schedule"), json.get("reason").asText());
        assertTrue(json.get("sendLagP99Millis").asDouble() > 100, json.toPrettyString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("the sender fell")), lines.toString());
    }

    @Test
    void impossiblePlansAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LoadPlan(0, Duration.ofSeconds(1), 1, TIMEOUT));
        assertThrows(IllegalArgumentException.class, () -> new LoadPlan(10, Duration.ZERO, 1, TIMEOUT));
        assertThrows(IllegalArgumentException.class, () -> new LoadPlan(10, Duration.ofSeconds(1), 0, TIMEOUT));
    }
}
