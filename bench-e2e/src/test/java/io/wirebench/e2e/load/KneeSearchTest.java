package io.wirebench.e2e.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Against a fake service with a known capacity (one server thread, 3 ms per request: at most ~333
 * requests/s), the knee search sustains 100 and 200/s and stops at 400/s, where the queue grows
 * without bound: the knee is 200/s.
 */
class KneeSearchTest {

    @Test
    void findsTheHighestRateUnderAServicesKnownCapacity() throws Exception {
        ExecutorService server = Executors.newSingleThreadExecutor();
        try {
            LoadOperation threeMillis = i -> CompletableFuture.runAsync(() -> LockSupport.parkNanos(3_000_000), server);
            KneeSearch search = new KneeSearch(50, 2, 6, 50, 0.01, 0);
            KneeSearch.Outcome outcome = search.search(rate -> new OpenLoopRunner(threeMillis, line -> { })
                    .run(new LoadPlan(rate, Duration.ofSeconds(2), 256, Duration.ofSeconds(10))), line -> { });
            assertEquals(200, outcome.kneeRate(), outcome.steps().toString());
            assertFalse(outcome.capped(), "a step failed: the knee was found");
            assertEquals(4, outcome.steps().size(), "stops at the first step that is not sustained");
            KneeSearch.Step last = outcome.steps().get(3);
            assertFalse(last.sustained());
            assertTrue(last.verdict().contains("p99") || last.verdict().contains("achieved"), last.verdict());
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aStepOverTheErrorBudgetIsNotSustained() throws Exception {
        LoadOperation failing = i -> i % 10 == 0 ? CompletableFuture.failedFuture(new LoadFailure(FailureKind.DECLINED, "no"))
                : CompletableFuture.completedFuture(null);
        KneeSearch.Outcome outcome = new KneeSearch(100, 2, 3, 50, 0.05, 0)
                .search(rate -> new OpenLoopRunner(failing, line -> { }).run(new LoadPlan(rate, Duration.ofMillis(500), 4, Duration.ofSeconds(1))),
                        line -> { });
        assertTrue(Double.isNaN(outcome.kneeRate()));
        assertTrue(outcome.steps().get(0).verdict().startsWith("error rate 0.1"), outcome.steps().get(0).verdict());
    }

    @Test
    void aSearchWhoseEveryStepIsSustainedSaysTheKneeWasNotFound() throws Exception {
        LoadOperation instant = i -> CompletableFuture.completedFuture(null);
        java.util.List<String> lines = new java.util.ArrayList<>();
        KneeSearch.Outcome outcome = new KneeSearch(20, 2, 2, 50, 0.01, 0)
                .search(rate -> new OpenLoopRunner(instant, line -> { }).run(new LoadPlan(rate, Duration.ofMillis(500), 4, Duration.ofSeconds(1))),
                        lines::add);
        assertTrue(outcome.capped(), outcome.steps().toString());
        assertEquals(40, outcome.kneeRate(), "the last rate tried, a lower bound only");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("knee: not found below 40.0/s")), lines.toString());
        assertTrue(LoadResultJson.kneeJson(outcome, java.util.Map.of(), 0.01).get("capped").asBoolean());
    }
}
