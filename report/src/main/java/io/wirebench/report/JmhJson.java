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
        forkMeans.put("primary", forkMeans(file, where, primaryNode));
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("secondaryMetrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey().startsWith("\u00b7") ? entry.getKey().substring(1) : entry.getKey();
            secondary.put(name, metric(file, where + " secondary " + name, entry.getValue()));
            forkMeans.put(name, forkMeans(file, where, entry.getValue()));
        }
        return new JmhResult(benchmark, mode, threads, forks, params, primary, secondary, samples(primaryNode), forkMeans);
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
