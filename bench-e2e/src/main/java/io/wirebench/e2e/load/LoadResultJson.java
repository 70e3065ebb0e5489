package io.wirebench.e2e.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A load run as JSON, for the report tool: the plan, counts, failures by kind, corrected and
 * uncorrected percentiles (µs) with the gap between them, per-second samples, and whether the run
 * kept within its error budget, its books, its schedule and its latency limit ({@code "status"}: {@code passed}, or why not:
 * {@code books unbalanced}, {@code over error budget}, {@code service did not keep the rate} (every user busy),
 * {@code sender fell behind} (the sender thread itself late), {@code over latency limit}).
 */
public final class LoadResultJson {
    private static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99, 100};

    private LoadResultJson() {
    }

    public static ObjectNode toJson(LoadResult result, Map<String, String> context, double errorBudget) {
        return toJson(result, context, errorBudget, Double.NaN, Map.of());
    }

    /**
     * {@code p99LimitMs}: the corrected p99 a run may reach and still pass (the configuration's knee limit: the
     * same "sustained" as the knee search; NaN for none). {@code accounting}: what the scenario counted besides
     * latency; {@code booksBalance: false} fails the run.
     */
    public static ObjectNode toJson(LoadResult result, Map<String, String> context, double errorBudget, double p99LimitMs,
                                    Map<String, Object> accounting) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("format", "wirebench-load-1");
        ObjectNode about = root.putObject("context");
        context.forEach(about::put);
        fill(root, result, errorBudget, p99LimitMs, accounting);
        return root;
    }

    /** The statuses of a load run; only {@link #PASSED} passes. */
    public static final String PASSED = "passed";
    public static final String BOOKS_UNBALANCED = "books unbalanced";
    public static final String OVER_ERROR_BUDGET = "over error budget";
    public static final String SENDER_FELL_BEHIND = "sender fell behind";
    /** The sender fell behind because every user was busy: the service, at this concurrency, did not keep the rate. */
    public static final String SERVICE_FELL_BEHIND = "service did not keep the rate";
    public static final String OVER_LATENCY_LIMIT = "over latency limit";

    static void fill(ObjectNode root, LoadResult result, double errorBudget, double p99LimitMs, Map<String, Object> accounting) {
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
        root.put("waitingForUsersSeconds", result.waitingForUsersSeconds());
        root.put("gcCount", result.gcCount());
        root.put("gcMillis", result.gcMillis());
        ObjectNode books = root.putObject("accounting");
        accounting.forEach((k, v) -> books.set(k, new ObjectMapper().valueToTree(v)));
        boolean overBudget = result.errorRate() > errorBudget;
        boolean unbalanced = Boolean.FALSE.equals(accounting.get("booksBalance"));
        boolean behind = !result.senderKeptUp();
        boolean slow = !Double.isNaN(p99LimitMs) && !(result.p99Millis() <= p99LimitMs);
        if (!Double.isNaN(p99LimitMs)) {
            root.put("p99LimitMs", p99LimitMs);
        }
        // the first that applies, in this order: wrong books, then errors, then the generator, then latency
        if (unbalanced) {
            root.put("status", BOOKS_UNBALANCED);
            root.put("reason", "the scenario's books do not balance: " + accounting);
        } else if (overBudget) {
            root.put("status", OVER_ERROR_BUDGET);
            root.put("reason", String.format(Locale.ROOT, "error rate %.4f above the budget %.4f", result.errorRate(), errorBudget));
        } else if (result.usersWereBusy()) {
            root.put("status", SERVICE_FELL_BEHIND);
            double p50Ms = result.uncorrected().getTotalCount() == 0 ? Double.NaN : result.uncorrected().getValueAtPercentile(50) / 1e6;
            root.put("reason", String.format(Locale.ROOT, "every user was busy for %.1f s of the run's %.1f s, so requests went out late (1%% more"
                    + " than %.0f ms): the service, at this concurrency (%d in flight at most), did not keep the rate of %.0f/s; it held %.0f/s at a"
                    + " p50 of %.1f ms (%d in flight at that latency carry about %.0f/s, Little's law); the sender itself kept up",
                    result.waitingForUsersSeconds(), result.elapsedSeconds(), result.sendLagP99Millis(), result.plan().maxInFlight(),
                    result.plan().ratePerSecond(), result.achievedRatePerSecond(), p50Ms, result.plan().maxInFlight(),
                    result.plan().maxInFlight() / (p50Ms / 1e3)));
        } else if (behind) {
            root.put("status", SENDER_FELL_BEHIND);
            root.put("reason", String.format(Locale.ROOT, "the sender fell behind its schedule: 1%% of requests went out more than"
                    + " %.0f ms late (limit %.0f ms; at worst %.0f ms) while users were free: the generator limited this run",
                    result.sendLagP99Millis(), LoadResult.SENDER_LAG_LIMIT_MILLIS, result.maxSendLagMillis()));
        } else if (slow) {
            root.put("status", OVER_LATENCY_LIMIT);
            root.put("reason", String.format(Locale.ROOT, "corrected p99 %.1f ms above the limit %.1f ms: the rate was reached only with"
                    + " a backlog, not sustained", result.p99Millis(), p99LimitMs));
        } else {
            root.put("status", PASSED);
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
        root.put("capped", outcome.capped());
        ArrayNode steps = root.putArray("steps");
        for (KneeSearch.Step step : outcome.steps()) {
            ObjectNode s = steps.addObject();
            s.put("targetRatePerSecond", step.targetRate());
            s.put("sustained", step.sustained());
            s.put("verdict", step.verdict());
            fill(s, step.result(), errorBudget, Double.NaN, Map.of());
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
