package io.wirebench.report.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One load run's result ({@code scripts/load}, format {@code wirebench-load-1}): what was asked, what was
 * achieved, its corrected and uncorrected latency (µs), its failures, what each of its faults cost, and the
 * scenario's books ({@code accounting}: e.g. the e-commerce run's units held against the accepted orders' items,
 * money charged against their totals), as text, in the file's order.
 */
public record LoadRun(Path file, String scenario, String transport, double targetRate, double achievedRate, int users,
                      double p50, double p99, double p999, double uncorrectedP99, double uncorrectedMeanMicros,
                      long succeeded, long failed, double errorRate, double errorBudget, String status, String reason,
                      List<FaultCost> faults, Map<String, String> books) {

    /** A run with faults and no books. */
    public LoadRun(Path file, String scenario, String transport, double targetRate, double achievedRate, int users,
                   double p50, double p99, double p999, double uncorrectedP99, double uncorrectedMeanMicros,
                   long succeeded, long failed, double errorRate, double errorBudget, String status, String reason, List<FaultCost> faults) {
        this(file, scenario, transport, targetRate, achievedRate, users, p50, p99, p999, uncorrectedP99, uncorrectedMeanMicros, succeeded, failed,
                errorRate, errorBudget, status, reason, faults, Map.of());
    }

    /** A run without faults. */
    public LoadRun(Path file, String scenario, String transport, double targetRate, double achievedRate, int users,
                   double p50, double p99, double p999, double uncorrectedP99, double uncorrectedMeanMicros,
                   long succeeded, long failed, double errorRate, double errorBudget, String status, String reason) {
        this(file, scenario, transport, targetRate, achievedRate, users, p50, p99, p999, uncorrectedP99, uncorrectedMeanMicros, succeeded, failed,
                errorRate, errorBudget, status, reason, List.of());
    }

    static final String FORMAT = "wirebench-load-1";

    /** True for a JSON file that says it is a load result. */
    static boolean isLoadFile(JsonNode root) {
        return root != null && root.isObject() && FORMAT.equals(root.path("format").asText());
    }

    static LoadRun of(Path file, JsonNode root) {
        JsonNode context = root.path("context");
        JsonNode corrected = root.path("latencyCorrectedMicros");
        for (String field : new String[] {"plan", "latencyCorrectedMicros", "latencyUncorrectedMicros", "status"}) {
            if (root.path(field).isMissingNode()) {
                throw new ResultFileException(file, "a " + FORMAT + " file without '" + field + "'");
            }
        }
        return new LoadRun(file, context.path("scenario").asText("?"), context.path("transport").asText("?"),
                root.path("plan").path("ratePerSecond").asDouble(Double.NaN), root.path("achievedRatePerSecond").asDouble(Double.NaN),
                root.path("plan").path("maxInFlight").asInt(0),
                JmhJson.number(file, "p50", corrected.get("p50")), JmhJson.number(file, "p99", corrected.get("p99")),
                JmhJson.number(file, "p99.9", corrected.get("p99.9")),
                JmhJson.number(file, "uncorrected p99", root.path("latencyUncorrectedMicros").get("p99")),
                JmhJson.number(file, "uncorrected mean", root.path("latencyUncorrectedMicros").get("mean")),
                root.path("succeeded").asLong(), root.path("failed").asLong(), root.path("errorRate").asDouble(Double.NaN),
                root.path("errorBudget").asDouble(Double.NaN), root.path("status").asText(), root.path("reason").asText(""),
                faults(file, root.path("faults")), books(root.path("accounting")));
    }

    private static Map<String, String> books(JsonNode accounting) {
        Map<String, String> books = new LinkedHashMap<>();
        if (accounting.isObject()) {
            accounting.fields().forEachRemaining(e -> books.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        }
        return Collections.unmodifiableMap(books);
    }

    private static List<FaultCost> faults(Path file, JsonNode faults) {
        if (faults.isMissingNode() || faults.isNull()) {
            return List.of();
        }
        if (!faults.isArray()) {
            throw new ResultFileException(file, "'faults' is not a list");
        }
        List<FaultCost> out = new ArrayList<>();
        for (int i = 0; i < faults.size(); i++) {
            out.add(FaultCost.of(file, i, faults.get(i)));
        }
        return List.copyOf(out);
    }

    public static LoadRun read(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(file));
            if (!isLoadFile(root)) {
                throw new ResultFileException(file, "not a load result (format " + FORMAT + ")");
            }
            return of(file, root);
        } catch (IOException e) {
            throw new ResultFileException(file, "cannot read as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Little's law: operations in flight = rate × time in flight. More in flight than the run allowed
     * ({@code users}) means the rate or the latency is wrong; 10% slack for the ramp and rounding. The time
     * in flight is the uncorrected latency, from the actual send: a request waiting for a free user is
     * late (the corrected latency counts that) but not yet in flight.
     */
    public boolean breaksLittlesLaw() {
        double mean = Double.isFinite(uncorrectedMeanMicros) ? uncorrectedMeanMicros : p50;
        return users > 0 && Double.isFinite(mean) && achievedRate * mean / 1e6 > users * 1.1;
    }
}
