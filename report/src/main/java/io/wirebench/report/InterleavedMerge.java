package io.wirebench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    /** sample mode's percentile metrics, {@code p0.50} (JMH before 1.37 wrote {@code ·p0.50}). */
    private static final java.util.regex.Pattern PERCENTILE = java.util.regex.Pattern.compile("\u00b7?p([01]\\.\\d+)");

    /** One finished single-fork run: where it stood in the schedule and its JSON file. */
    record Fork(InterleavedSchedule.Slot slot, int position, Path file) {
    }

    private InterleavedMerge() {
    }

    /** {@code schedule}: the name of the interleaved run (its result file's), so forks pair only within it. */
    static ArrayNode merge(String schedule, long seed, List<Fork> forks) {
        Map<String, List<Object[]>> byKey = new LinkedHashMap<>(); // key -> [fork, result node]
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
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Object[] {fork, result});
            }
        }
        ArrayNode out = MAPPER.createArrayNode();
        for (List<Object[]> parts : byKey.values()) {
            out.add(mergeOne(schedule, seed, parts));
        }
        return out;
    }

    private static ObjectNode mergeOne(String schedule, long seed, List<Object[]> parts) {
        ObjectNode merged = ((JsonNode) parts.get(0)[1]).deepCopy();
        merged.put("forks", parts.size());
        ObjectNode primary = (ObjectNode) merged.get("primaryMetric");
        concat(primary, parts, null, "rawData");
        concat(primary, parts, null, "rawDataHistogram");
        rescore(primary, null, Double.NaN);
        ObjectNode secondaries = merged.with("secondaryMetrics");
        for (Iterator<String> names = secondaries.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            ObjectNode metric = (ObjectNode) secondaries.get(name);
            concat(metric, parts, name, "rawData");
            java.util.regex.Matcher percentile = PERCENTILE.matcher(name);
            boolean pooled = percentile.matches() && primary.has("rawDataHistogram");
            rescore(metric, pooled ? primary : null, pooled ? Double.parseDouble(percentile.group(1)) : Double.NaN);
        }
        ObjectNode interleaved = merged.putObject("wirebench").putObject("interleaved");
        interleaved.put("schedule", schedule);
        interleaved.put("seed", seed);
        ArrayNode rounds = interleaved.putArray("rounds");
        ArrayNode positions = interleaved.putArray("positions");
        ArrayNode files = interleaved.putArray("files");
        for (Object[] part : parts) {
            Fork fork = (Fork) part[0];
            rounds.add(fork.slot().round());
            positions.add(fork.position());
            files.add(fork.file().getFileName().toString());
        }
        return merged;
    }

    /** metric.field := every part's metric.field entries (one per fork), in order. */
    private static void concat(ObjectNode metric, List<Object[]> parts, String secondary, String field) {
        if (!metric.has(field)) {
            return;
        }
        ArrayNode all = MAPPER.createArrayNode();
        for (Object[] part : parts) {
            JsonNode node = (JsonNode) part[1];
            JsonNode source = secondary == null ? node.path("primaryMetric") : node.path("secondaryMetrics").path(secondary);
            source.path(field).forEach(all::add);
        }
        metric.set(field, all);
    }

    /**
     * The score from all forks: the mean of every iteration's value; for a sample-mode mean, the mean of the
     * pooled histogram, and its percentiles; for a sample-mode percentile ({@code histogramOf} set), that
     * percentile of the pooled histogram. The error is NaN (no interval from JMH's arithmetic).
     */
    private static void rescore(ObjectNode metric, ObjectNode histogramOf, double quantile) {
        double score;
        if (histogramOf != null || metric.has("rawDataHistogram")) {
            TreeMap<Double, Long> counts = new TreeMap<>();
            JsonNode histograms = (histogramOf != null ? histogramOf : metric).path("rawDataHistogram");
            histograms.forEach(fork -> fork.forEach(iteration -> iteration.forEach(pair ->
                    counts.merge(pair.path(0).asDouble(), pair.path(1).asLong(0), Long::sum))));
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            double sum = counts.entrySet().stream().mapToDouble(e -> e.getKey() * e.getValue()).sum();
            score = histogramOf != null ? percentile(counts, total, quantile) : sum / Math.max(1, total);
            if (histogramOf == null) {
                ObjectNode percentiles = metric.putObject("scorePercentiles");
                for (double q : new double[] {0, 50, 90, 95, 99, 99.9, 99.99, 99.999, 99.9999, 100}) {
                    percentiles.put(String.valueOf(q), percentile(counts, total, q / 100));
                }
            }
        } else {
            List<Double> values = new ArrayList<>();
            metric.path("rawData").forEach(fork -> fork.forEach(v -> values.add(JmhJson.number(null, "rawData", v))));
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            score = Arrays.stream(sorted).average().orElse(Double.NaN);
            ObjectNode percentiles = metric.putObject("scorePercentiles");
            for (double q : new double[] {0, 50, 90, 95, 99, 99.9, 99.99, 99.999, 99.9999, 100}) {
                percentiles.put(String.valueOf(q), sorted.length == 0 ? Double.NaN
                        : sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q / 100 * sorted.length) - 1))]);
            }
        }
        metric.put("score", score);
        metric.put("scoreError", "NaN");
        ArrayNode confidence = metric.putArray("scoreConfidence");
        confidence.add("NaN").add("NaN");
    }

    private static double percentile(TreeMap<Double, Long> counts, long total, double quantile) {
        if (total == 0 || Double.isNaN(quantile)) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (Map.Entry<Double, Long> bucket : counts.entrySet()) {
            seen += bucket.getValue();
            if (seen >= rank) {
                return bucket.getKey();
            }
        }
        return counts.lastKey();
    }
}
