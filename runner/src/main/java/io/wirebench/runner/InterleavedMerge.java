package io.wirebench.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirebench.report.model.Histogram;
import io.wirebench.report.model.JmhJson;
import io.wirebench.report.model.ResultFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * Merges the single-fork JMH result files of an interleaved run back into one JMH result per setting, as
 * JMH would have written it with {@code -f N}: each metric's {@code rawData} (or {@code rawDataHistogram})
 * holds one entry per fork, in round order; {@code forks} is their number; the score is recomputed from all
 * forks (the mean of every iteration, or a sample-mode histogram's mean and percentiles). The score error is
 * left NaN: JMH's error over iterations is no interval (the report computes its own from the forks). Each
 * result also carries {@code wirebench.interleaved}: the schedule's name and seed, each fork's round and its place in
 * the whole run, and the file it came from, so that the report pairs forks of one round.
 */
final class InterleavedMerge {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final double[] PERCENTILES = {0, 50, 90, 95, 99, 99.9, 99.99, 99.999, 99.9999, 100};

    /** One finished single-fork run: where it stood in the schedule and its JSON file. */
    record Fork(InterleavedSchedule.Slot slot, int position, Path file) {
    }

    /** One result of one single-fork run. */
    private record Part(Fork fork, JsonNode result) {
    }

    private InterleavedMerge() {
    }

    /** {@code schedule}: the name of the interleaved run (its result file's), so forks pair only within it. */
    static ArrayNode merge(String schedule, long seed, List<Fork> forks) {
        Map<String, List<Part>> byKey = new LinkedHashMap<>();
        for (Fork fork : forks) {
            JsonNode root;
            try {
                root = MAPPER.readTree(fork.file().toFile());
            } catch (IOException e) {
                throw new ResultFileException(fork.file(), "not JSON (truncated or damaged?): " + e.getMessage(), e);
            }
            if (root == null || !root.isArray()) {
                throw new ResultFileException(fork.file(), "not a JMH result file: expected a JSON array of results");
            }
            for (JsonNode result : root) {
                String key = result.path("benchmark").asText() + " " + result.path("mode").asText() + " t=" + result.path("threads").asInt()
                        + " " + new TreeMap<>(MAPPER.convertValue(result.path("params"), Map.class));
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Part(fork, result));
            }
        }
        ArrayNode out = MAPPER.createArrayNode();
        for (List<Part> parts : byKey.values()) {
            out.add(mergeOne(schedule, seed, parts));
        }
        return out;
    }

    private static ObjectNode mergeOne(String schedule, long seed, List<Part> parts) {
        ObjectNode merged = parts.get(0).result().deepCopy();
        merged.put("forks", parts.size());
        ObjectNode primary = (ObjectNode) merged.get("primaryMetric");
        concat(primary, parts, null, "rawData");
        concat(primary, parts, null, "rawDataHistogram");
        rescore(primary, pooled(primary.has("rawDataHistogram") ? primary : null, primary));
        ObjectNode secondaries = merged.with("secondaryMetrics");
        for (Iterator<String> names = secondaries.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            ObjectNode metric = (ObjectNode) secondaries.get(name);
            concat(metric, parts, name, "rawData");
            Matcher percentile = JmhJson.PERCENTILE.matcher(JmhJson.metricName(name));
            if (percentile.matches() && primary.has("rawDataHistogram")) {
                // a sample-mode percentile's score: that percentile of the pooled histogram, not the mean of iterations'
                rescore(metric, pooled(null, metric));
                metric.put("score", pooled(primary, primary).percentile(Double.parseDouble(percentile.group(1))));
            } else {
                rescore(metric, pooled(null, metric));
            }
        }
        ObjectNode interleaved = merged.putObject("wirebench").putObject("interleaved");
        interleaved.put("schedule", schedule);
        interleaved.put("seed", seed);
        ArrayNode rounds = interleaved.putArray("rounds");
        ArrayNode positions = interleaved.putArray("positions");
        ArrayNode files = interleaved.putArray("files");
        for (Part part : parts) {
            Fork fork = part.fork();
            rounds.add(fork.slot().round());
            positions.add(fork.position());
            files.add(fork.file().getFileName().toString());
        }
        return merged;
    }

    /** metric.field := every part's metric.field entries (one per fork), in order. */
    private static void concat(ObjectNode metric, List<Part> parts, String secondary, String field) {
        if (!metric.has(field)) {
            return;
        }
        ArrayNode all = MAPPER.createArrayNode();
        for (Part part : parts) {
            JsonNode node = part.result();
            JsonNode source = secondary == null ? node.path("primaryMetric") : node.path("secondaryMetrics").path(secondary);
            source.path(field).forEach(all::add);
        }
        metric.set(field, all);
    }

    /** All forks' values: the pooled histogram of {@code histogramOf} when set, else every {@code rawData} value of {@code metric} once. */
    private static Histogram pooled(ObjectNode histogramOf, ObjectNode metric) {
        Histogram h = new Histogram();
        if (histogramOf != null) {
            histogramOf.path("rawDataHistogram").forEach(fork -> h.addIterations(null, "merged", fork));
        } else {
            metric.path("rawData").forEach(fork -> fork.forEach(v -> h.add(JmhJson.number(null, "rawData", v), 1)));
        }
        return h;
    }

    /**
     * The score from all forks' values (their mean) and its percentiles; the error NaN (no interval from
     * JMH's arithmetic: the report computes its own from the forks).
     */
    private static void rescore(ObjectNode metric, Histogram all) {
        metric.put("score", all.mean());
        ObjectNode percentiles = metric.putObject("scorePercentiles");
        for (double q : PERCENTILES) {
            percentiles.put(String.valueOf(q), all.percentile(q / 100));
        }
        metric.put("scoreError", "NaN");
        metric.putArray("scoreConfidence").add("NaN").add("NaN");
    }
}
