package io.wirebench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads JMH's JSON result format as JMH really writes it: an array of results; scores that may be the
 * strings "NaN", "+INF", "-INF"; params as strings; secondary metrics whose names may start with
 * {@code ·} (JMH before 1.37). A file that is not that gets a {@link ResultFileException} naming it.
 */
public final class JmhJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JmhJson() {
    }

    public static List<JmhResult> read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new ResultFileException(file, "not JSON (truncated or damaged?): " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ResultFileException(file, "cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new ResultFileException(file, "not a JMH result file: expected a JSON array of results");
        }
        List<JmhResult> results = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            results.add(result(file, i, root.get(i)));
        }
        return results;
    }

    private static JmhResult result(Path file, int index, JsonNode node) {
        String where = "result #" + index;
        String benchmark = text(file, where, node, "benchmark");
        String mode = text(file, where, node, "mode");
        int threads = node.path("threads").asInt(1);
        int forks = node.path("forks").asInt(0);
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode paramsNode = node.path("params");
        for (Iterator<Map.Entry<String, JsonNode>> it = paramsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> param = it.next();
            params.put(param.getKey(), param.getValue().asText());
        }
        JsonNode primaryNode = node.get("primaryMetric");
        if (primaryNode == null || !primaryNode.isObject()) {
            throw new ResultFileException(file, where + " (" + benchmark + ") has no primaryMetric");
        }
        Metric primary = metric(file, where + " primaryMetric", primaryNode);
        Map<String, Metric> secondary = new LinkedHashMap<>();
        Map<String, List<Double>> forkMeans = new LinkedHashMap<>();
        Map<String, JmhResult.Spread> spreads = new LinkedHashMap<>();
        forkMeans.put("primary", forkMeans(file, where, primaryNode));
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("secondaryMetrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey().startsWith("\u00b7") ? entry.getKey().substring(1) : entry.getKey();
            Metric metric = metric(file, where + " secondary " + name, entry.getValue());
            secondary.put(name, metric);
            forkMeans.put(name, forkMeans(file, where, entry.getValue()));
            Matcher percentile = PERCENTILE.matcher(name);
            if (percentile.matches() && !Double.isFinite(metric.error())) {
                JmhResult.Spread spread = percentileSpread(file, where, primaryNode, entry.getValue(), Double.parseDouble(percentile.group(1)));
                if (spread != null) {
                    spreads.put(name, spread);
                }
            }
        }
        return new JmhResult(benchmark, mode, threads, forks, params, primary, secondary, samples(primaryNode), forkMeans, spreads);
    }

    /** sample mode's percentile metrics: {@code p0.50}, {@code p0.999}, {@code p1.00}. */
    private static final Pattern PERCENTILE = Pattern.compile("p([01]\\.\\d+)");

    /**
     * How far a percentile moved: with two forks or more, between each fork's own percentile (from its
     * histogram, {@code rawDataHistogram}); with one fork, between its iterations' percentiles (the
     * metric's {@code rawData}, as JMH writes it). Null when neither is there.
     */
    private static JmhResult.Spread percentileSpread(Path file, String where, JsonNode primary, JsonNode metric, double quantile) {
        JsonNode histograms = primary.get("rawDataHistogram");
        if (histograms != null && histograms.isArray() && histograms.size() >= 2) {
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            int n = 0;
            for (JsonNode fork : histograms) {
                TreeMap<Double, Long> counts = new TreeMap<>();
                long total = 0;
                for (JsonNode iteration : fork) {
                    for (JsonNode pair : iteration) {
                        long count = pair.path(1).asLong(0);
                        counts.merge(number(file, where + " rawDataHistogram", pair.path(0)), count, Long::sum);
                        total += count;
                    }
                }
                if (total == 0) {
                    continue;
                }
                long rank = Math.max(1, (long) Math.ceil(quantile * total)); // nearest rank
                long seen = 0;
                for (Map.Entry<Double, Long> bucket : counts.entrySet()) {
                    seen += bucket.getValue();
                    if (seen >= rank) {
                        low = Math.min(low, bucket.getKey());
                        high = Math.max(high, bucket.getKey());
                        n++;
                        break;
                    }
                }
            }
            return n >= 2 ? new JmhResult.Spread(low, high, n, "forks") : null;
        }
        JsonNode raw = metric.get("rawData");
        if (raw != null && raw.isArray() && raw.size() == 1 && raw.get(0).size() >= 2) {
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (JsonNode value : raw.get(0)) {
                double v = number(file, where + " rawData", value);
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
            return new JmhResult.Spread(low, high, raw.get(0).size(), "iterations of one fork");
        }
        return null;
    }

    /** Each fork's mean: of its iterations' scores ({@code rawData}) or of its histogram ({@code rawDataHistogram}). */
    private static List<Double> forkMeans(Path file, String where, JsonNode metric) {
        List<Double> means = new ArrayList<>();
        JsonNode raw = metric.get("rawData");
        if (raw != null && raw.isArray()) {
            for (JsonNode fork : raw) {
                double sum = 0;
                int n = 0;
                for (JsonNode value : fork) {
                    sum += number(file, where + " rawData", value);
                    n++;
                }
                if (n > 0) {
                    means.add(sum / n);
                }
            }
            return means;
        }
        JsonNode histograms = metric.get("rawDataHistogram");
        if (histograms != null && histograms.isArray()) {
            for (JsonNode fork : histograms) {
                double sum = 0;
                long n = 0;
                for (JsonNode iteration : fork) {
                    for (JsonNode pair : iteration) {
                        long count = pair.path(1).asLong(0);
                        sum += pair.path(0).asDouble() * count;
                        n += count;
                    }
                }
                if (n > 0) {
                    means.add(sum / n);
                }
            }
        }
        return means;
    }

    /** The invocations in a sample-mode histogram ({@code rawDataHistogram}: forks, iterations, [value, count] pairs); -1 if none. */
    private static long samples(JsonNode primary) {
        JsonNode forks = primary.get("rawDataHistogram");
        if (forks == null || !forks.isArray()) {
            return -1;
        }
        long count = 0;
        for (JsonNode iterations : forks) {
            for (JsonNode pairs : iterations) {
                for (JsonNode pair : pairs) {
                    count += pair.path(1).asLong(0);
                }
            }
        }
        return count;
    }

    private static Metric metric(Path file, String where, JsonNode node) {
        if (!node.has("score")) {
            throw new ResultFileException(file, where + " has no score");
        }
        return new Metric(number(file, where, node.get("score")), number(file, where, node.path("scoreError")),
                node.path("scoreUnit").asText(""));
    }

    static double number(Path file, String where, JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return Double.NaN;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        switch (node.asText()) {
            case "NaN":
                return Double.NaN;
            case "+INF":
            case "Infinity":
                return Double.POSITIVE_INFINITY;
            case "-INF":
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                throw new ResultFileException(file, where + ": '" + node.asText() + "' is not a number");
        }
    }

    private static String text(Path file, String where, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new ResultFileException(file, where + " has no '" + field + "'");
        }
        return value.asText();
    }
}
