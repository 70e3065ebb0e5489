package io.wirebench.report.model;

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
        int forkCount = node.path("forks").asInt(0);
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
        Map<String, JmhResult.Forks> forks = new LinkedHashMap<>();
        JsonNode histograms = primaryNode.get("rawDataHistogram");
        forks.put("primary", histograms != null && histograms.isArray()
                ? histogramForks(file, where, histograms) : rawForks(file, where, primaryNode));
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("secondaryMetrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = metricName(entry.getKey());
            secondary.put(name, metric(file, where + " secondary " + name, entry.getValue()));
            JmhResult.Forks raw = rawForks(file, where, entry.getValue());
            Matcher percentile = PERCENTILE.matcher(name);
            if (percentile.matches() && histograms != null && histograms.isArray()) {
                // a fork's percentile is the percentile of its whole histogram, not the mean of its iterations'
                raw = new JmhResult.Forks(forkPercentiles(file, where, histograms, Double.parseDouble(percentile.group(1))), raw.iterations());
            }
            forks.put(name, raw);
        }
        return new JmhResult(benchmark, mode, threads, forkCount, params, primary, secondary, samples(primaryNode), forks,
                interleaving(file, where, node.path("wirebench").path("interleaved")));
    }

    /** sample mode's percentile metrics: {@code p0.50}, {@code p0.999}, {@code p1.00} (after {@link #metricName}). */
    public static final Pattern PERCENTILE = Pattern.compile("p([01]\\.\\d+)");

    /** A secondary metric's name without JMH's older {@code ·} prefix. */
    public static String metricName(String name) {
        return name.startsWith("\u00b7") ? name.substring(1) : name;
    }

    /** {@code wirebench.interleaved} as {@code JmhRunCommand} writes it into a merged result; null when absent. */
    private static JmhResult.Interleaving interleaving(Path file, String where, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        JsonNode rounds = node.get("rounds");
        if (!node.path("seed").isIntegralNumber() || rounds == null || !rounds.isArray() || !node.path("schedule").isTextual()) {
            throw new ResultFileException(file, where + " wirebench.interleaved: needs a 'schedule' name, an integer 'seed' and a 'rounds' array");
        }
        List<Integer> out = new ArrayList<>();
        rounds.forEach(r -> out.add(r.asInt()));
        return new JmhResult.Interleaving(node.get("schedule").asText(), node.get("seed").asLong(), out);
    }

    /** Each fork's percentile of its whole histogram (nearest rank), from {@code rawDataHistogram}. */
    private static List<Double> forkPercentiles(Path file, String where, JsonNode histograms, double quantile) {
        List<Double> out = new ArrayList<>();
        for (JsonNode fork : histograms) {
            Histogram h = new Histogram().addIterations(file, where, fork);
            if (h.total() > 0) {
                out.add(h.percentile(quantile));
            }
        }
        return out;
    }

    /** Each fork's iterations ({@code rawData}) and their mean. */
    private static JmhResult.Forks rawForks(Path file, String where, JsonNode metric) {
        List<Double> means = new ArrayList<>();
        List<List<Double>> series = new ArrayList<>();
        JsonNode raw = metric.get("rawData");
        if (raw != null && raw.isArray()) {
            for (JsonNode fork : raw) {
                List<Double> values = new ArrayList<>();
                for (JsonNode value : fork) {
                    values.add(number(file, where + " rawData", value));
                }
                if (!values.isEmpty()) {
                    series.add(values);
                    means.add(values.stream().mapToDouble(Double::doubleValue).sum() / values.size());
                }
            }
        }
        return new JmhResult.Forks(means, series);
    }

    /** A sample-mode mean: each iteration's histogram mean, and each fork's over its whole histogram. */
    private static JmhResult.Forks histogramForks(Path file, String where, JsonNode histograms) {
        List<Double> means = new ArrayList<>();
        List<List<Double>> series = new ArrayList<>();
        for (JsonNode fork : histograms) {
            Histogram whole = new Histogram().addIterations(file, where, fork);
            if (whole.total() > 0) {
                means.add(whole.mean());
                List<Double> iterations = new ArrayList<>();
                fork.forEach(iteration -> {
                    Histogram h = new Histogram().addIteration(file, where, iteration);
                    if (h.total() > 0) {
                        iterations.add(h.mean());
                    }
                });
                series.add(iterations);
            }
        }
        return new JmhResult.Forks(means, series);
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

    public static double number(Path file, String where, JsonNode node) {
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
