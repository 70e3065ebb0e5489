package io.wirebench.e2e.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * A distributed run added up without NATS: one worker that finished and one lost after its first second. The finished
 * one's histograms are added (not its percentiles), the lost one counts what its last report accounted for, the rest of
 * its share is lost with it, and the seconds add the workers' same second.
 */
class WorkerResultsTest {

    private static String latencies(long... micros) {
        Histogram h = new Histogram(3);
        for (long us : micros) {
            h.recordValue(us * 1_000);
        }
        return HistogramText.encode(h);
    }

    @Test
    void aLostWorkersUnaccountedShareIsLostAndTheHistogramsAreAdded() {
        LoadPlan plan = new LoadPlan(100, Duration.ofSeconds(2), 16, Duration.ofSeconds(1));
        WorkerResults results = new WorkerResults(2);
        for (int k = 0; k < 2; k++) {
            results.members.put(k, new LoadProtocol.Join("w" + k, "localhost", 100 + k));
            results.ready.put(k, new LoadProtocol.Ready(k, "w" + k, 0.5 * (k + 1), 0.1));
        }
        long share0 = new ScheduleShare(0, 2).count(plan.requests());
        long share1 = new ScheduleShare(1, 2).count(plan.requests());
        results.reports.put(0, List.of(new LoadProtocol.Report(0, 1, 50, 0, 0, 0, 0, latencies(100, 200), 50, 50, Map.of()),
                new LoadProtocol.Report(0, 2, 50, 0, 0, 0, 0, latencies(300), share0, share0, Map.of())));
        results.reports.put(1, List.of(new LoadProtocol.Report(1, 1, 40, 2, 0, 0, 0, latencies(400), 42, 40, Map.of("TIMEOUT", 2L))));
        results.done.put(0, new LoadProtocol.Done(0, "w0", share0, share0 - 1, Map.of("WRONG_REPLY", 1L), latencies(100, 200, 300),
                latencies(100, 200, 300), latencies(1), 2.0, 0.2, 0, 0, share0 - 1, 2.0, new LoadProtocol.Books(share0, List.of("ord_1"))));

        DistributedLoad merged = results.merge(plan, Map.of(1, "nothing heard for 5.0 s"));

        assertEquals(plan.requests(), merged.merged().scheduled(), "the shares together are the whole schedule");
        assertEquals(share0 - 1 + 40, merged.merged().succeeded(), "the finished worker's successes and what the lost one's last report counted");
        assertEquals(1, merged.merged().failures().get(FailureKind.WRONG_REPLY));
        assertEquals(2, merged.merged().failures().get(FailureKind.TIMEOUT));
        assertEquals(share1 - 40 - 2, merged.merged().failures().get(FailureKind.WORKER_LOST), "the rest of the lost worker's share");
        assertEquals(3, merged.merged().corrected().getTotalCount(), "the finished worker's histogram; the lost one has none");
        assertNull(merged.workers().get(0).lost());
        assertEquals("nothing heard for 5.0 s", merged.workers().get(1).lost());
        assertEquals(1.0, merged.maxClockOffsetMillis(), 1e-9);
        assertEquals(share0, merged.operationsSent());
        assertEquals(Set.of("ord_1"), merged.unanswered());
        List<IntervalSample> seconds = merged.merged().intervals();
        assertEquals(2, seconds.size());
        assertEquals(90, seconds.get(0).succeeded(), "the workers' first seconds added");
        assertEquals(2, seconds.get(0).failed());
    }
}
