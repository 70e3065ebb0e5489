package io.wirebench.e2e.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A load run as JSON, for the report tool: the plan, counts, failures by kind, corrected and
 * uncorrected percentiles (µs) with the gap between them, per-second samples, and whether the run
 * kept within its error budget ({@code "status": "passed"} or {@code "failed"}).
 */
public final class LoadResultJson {
    private static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99, 100};

    private LoadResultJson() {
    }

    public static ObjectNode toJson(LoadResult result, Map<String, String> context, double errorBudget) {
        return toJson(result, context, errorBudget, Map.of());
    }

    /** {@code accounting}: what the scenario counted besides latency; {@code booksBalance: false} fails the run. */
    public static ObjectNode toJson(LoadResult result, Map<String, String> context, double errorBudget, Map<String, Object> accounting) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("format", "wirebench-load-1");
        ObjectNode about = root.putObject("context");
        context.forEach(about::put);
        fill(root, result, errorBudget, accounting);
        return root;
    }

    static void fill(ObjectNode root, LoadResult result, double errorBudget, Map<String, Object> accounting) {
        ObjectNode plan = root.putObject("plan");
        plan.put("ratePerSecond", result.plan().ratePerSecond());
        plan.put("durationSeconds", result.plan().duration().toMillis() / 1e3);
        plan.put("maxInFlight", result.plan().maxInFlight());
        plan.put("requestTimeoutMs", result.plan().requestTimeout().toMillis());
        plan.put("rampSeconds", result.plan().ramp().toMillis() / 1e3);
        plan.put("rampRequests", result.plan().rampRequests());
        root.put("scheduled", result.scheduled());
        root.put("succeeded", result.succeeded());
        root.put("failed", result.failed());
        ObjectNode failures = root.putObject("failures");
        result.failures().forEach((kind, count) -> failures.put(kind.name().toLowerCase(), count));
        root.put("elapsedSeconds", result.elapsedSeconds());
        root.put("achievedRatePerSecond", result.achievedRatePerSecond());
        root.put("errorRate", result.errorRate());
        root.put("errorBudget", errorBudget);
        root.put("maxSendLagMillis", result.maxSendLagMillis());
        root.put("sendLagP99Millis", result.sendLagP99Millis());
        root.put("gcCount", result.gcCount());
        root.put("gcMillis", result.gcMillis());
        ObjectNode books = root.putObject("accounting");
        accounting.forEach((k, v) -> books.set(k, new ObjectMapper().valueToTree(v)));
        boolean overBudget = result.errorRate() > errorBudget;
        boolean unbalanced = Boolean.FALSE.equals(accounting.get("booksBalance"));
        boolean behind = !result.senderKeptUp();
        root.put("status", overBudget || unbalanced || behind ? "failed" : "passed");
        if (behind) {
            root.put("reason", String.format(java.util.Locale.ROOT, "the sender fell behind its schedule: 1%% of requests went out more than"
                    + " %.0f ms late (limit %.0f ms; at worst %.0f ms): the generator, not only the service, limited this run",
                    result.sendLagP99Millis(), LoadResult.SENDER_LAG_LIMIT_MILLIS, result.maxSendLagMillis()));
        } else if (overBudget) {
            root.put("reason", String.format("error rate %.4f above the budget %.4f", result.errorRate(), errorBudget));
        } else if (unbalanced) {
            root.put("reason", "the scenario's books do not balance: " + accounting);
        }
        percentiles(root.putObject("latencyCorrectedMicros"), result.corrected());
        percentiles(root.putObject("latencyUncorrectedMicros"), result.uncorrected());
        ArrayNode series = root.putArray("intervals");
        for (IntervalSample sample : result.intervals()) {
            ObjectNode s = series.addObject();
            s.put("elapsedSeconds", sample.elapsedSeconds());
            s.put("succeeded", sample.succeeded());
            s.put("failed", sample.failed());
            s.put("p50Micros", sample.p50Micros());
            s.put("p99Micros", sample.p99Micros());
            s.put("heapUsedBytes", sample.heapUsedBytes());
            s.put("gcCount", sample.gcCount());
            s.put("gcMillis", sample.gcMillis());
        }
    }

    /** A knee search: each step's run as a load result, and the highest sustained rate. */
    public static ObjectNode kneeJson(KneeSearch.Outcome outcome, Map<String, String> context, double errorBudget) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("format", "wirebench-knee-1");
        ObjectNode about = root.putObject("context");
        context.forEach(about::put);
        root.put("kneeRatePerSecond", outcome.kneeRate());
        ArrayNode steps = root.putArray("steps");
        for (KneeSearch.Step step : outcome.steps()) {
            ObjectNode s = steps.addObject();
            s.put("targetRatePerSecond", step.targetRate());
            s.put("sustained", step.sustained());
            s.put("verdict", step.verdict());
            fill(s, step.result(), errorBudget, Map.of());
        }
        return root;
    }

    public static void write(ObjectNode json, Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }

    private static void percentiles(ObjectNode node, Histogram histogram) {
        node.put("count", histogram.getTotalCount());
        node.put("mean", histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMean() / 1e3);
        for (double p : PERCENTILES) {
            node.put("p" + (p == Math.rint(p) ? String.valueOf((int) p) : String.valueOf(p)),
                    histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(p) / 1e3);
        }
    }
}
