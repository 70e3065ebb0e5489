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
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("format", "wirebench-load-1");
        ObjectNode about = root.putObject("context");
        context.forEach(about::put);
        ObjectNode plan = root.putObject("plan");
        plan.put("ratePerSecond", result.plan().ratePerSecond());
        plan.put("durationSeconds", result.plan().duration().toMillis() / 1e3);
        plan.put("maxInFlight", result.plan().maxInFlight());
        plan.put("requestTimeoutMs", result.plan().requestTimeout().toMillis());
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
        boolean failed = result.errorRate() > errorBudget;
        root.put("status", failed ? "failed" : "passed");
        if (failed) {
            root.put("reason", String.format("error rate %.4f above the budget %.4f", result.errorRate(), errorBudget));
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
        }
        return root;
    }

    public static void write(ObjectNode json, Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }

    private static void percentiles(ObjectNode node, Histogram histogram) {
        node.put("count", histogram.getTotalCount());
        for (double p : PERCENTILES) {
            node.put("p" + (p == Math.rint(p) ? String.valueOf((int) p) : String.valueOf(p)),
                    histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(p) / 1e3);
        }
    }
}
