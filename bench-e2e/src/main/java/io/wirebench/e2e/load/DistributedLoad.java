package io.wirebench.e2e.load;

import java.util.List;
import java.util.Set;

/**
 * A distributed run's outcome: the workers' results added into one (histograms added, never percentiles
 * averaged), a row per worker, and the largest clock offset any worker measured (the bound on how well
 * their schedules lined up), and what the finished workers' callers tell the scenario's books: operations sent, and
 * the ids whose answer never came. A lost worker fails the run.
 */
public record DistributedLoad(LoadResult merged, List<WorkerRow> workers, double maxClockOffsetMillis, long operationsSent,
                              Set<String> unanswered) {

    public List<WorkerRow> lost() {
        return workers.stream().filter(w -> !w.finished()).toList();
    }
}
