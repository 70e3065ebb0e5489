package io.wirebench.e2e.load;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A distributed run's result in the load runner's format ({@code wirebench-load-1}, as one generator's),
 * plus a row per worker ({@code workers}: sent, succeeded, failed, sender lag, clock offset, and why it was
 * lost if it was) and the largest clock offset; a lost worker makes the status {@value #WORKER_LOST}.
 */
public final class DistributedLoadJson {
    public static final String WORKER_LOST = "worker lost";

    private DistributedLoadJson() {
    }

    public static ObjectNode toJson(DistributedLoad run, Map<String, String> context, double errorBudget, double p99LimitMs) {
        return toJson(run, context, errorBudget, p99LimitMs, Map.of());
    }

    /** {@code accounting}: the scenario's books over all the workers' callers (none for the no-op service). */
    public static ObjectNode toJson(DistributedLoad run, Map<String, String> context, double errorBudget, double p99LimitMs,
                                    Map<String, Object> accounting) {
        ObjectNode json = LoadResultJson.toJson(run.merged(), context, errorBudget, p99LimitMs, accounting);
        json.put("clockOffsetMaxMillis", run.maxClockOffsetMillis());
        ArrayNode rows = json.putArray("workers");
        for (WorkerRow w : run.workers()) {
            ObjectNode row = rows.addObject();
            row.put("index", w.index());
            row.put("name", w.name());
            row.put("host", w.host());
            row.put("pid", w.pid());
            row.put("scheduled", w.scheduled());
            row.put("sent", w.sent());
            row.put("succeeded", w.succeeded());
            row.put("failed", w.failed());
            row.put("correctedCount", w.correctedCount());
            row.put("maxSendLagMillis", w.maxSendLagMillis());
            row.put("sendLagP99Millis", w.sendLagP99Millis());
            row.put("clockOffsetMillis", w.clockOffsetMillis());
            row.put("clockRoundTripMillis", w.clockRoundTripMillis());
            row.put("status", w.finished() ? "finished" : "lost: " + w.lost());
        }
        if (!run.lost().isEmpty()) {
            json.put("status", WORKER_LOST);
            json.put("reason", run.lost().stream().map(w -> w.name() + " (worker " + w.index() + ": " + w.lost() + "; " + (w.scheduled() - w.sent())
                    + " of its " + w.scheduled() + " requests never sent)").collect(Collectors.joining(", ")));
        }
        return json;
    }
}
