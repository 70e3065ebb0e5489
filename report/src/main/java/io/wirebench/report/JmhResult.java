package io.wirebench.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of a JMH JSON file. JMH's key for a result is benchmark + mode + threads + params, never the
 * benchmark name alone. {@code params} values are strings, as JMH writes them. Secondary metric names
 * are stored without JMH's older {@code ·} prefix. {@code samples}: for {@code sample} mode, how many
 * invocations the histogram holds (-1 when unknown), so a report can tell a p99.99 of 200 samples.
 * {@code forkMeans}: per metric, the mean of each fork's iterations ({@code rawData}; for {@code sample}
 * mode the mean of each fork's histogram), the independent samples a regression test compares.
 */
public record JmhResult(String benchmark, String mode, int threads, int forks, Map<String, String> params,
                        Metric primary, Map<String, Metric> secondary, long samples, Map<String, List<Double>> forkMeans) {

    public JmhResult {
        params = Map.copyOf(params);
        secondary = Map.copyOf(secondary);
        forkMeans = Map.copyOf(forkMeans);
    }

    /** A result whose sample count is unknown (-1) and without per-fork figures. */
    public JmhResult(String benchmark, String mode, int threads, int forks, Map<String, String> params,
                     Metric primary, Map<String, Metric> secondary) {
        this(benchmark, mode, threads, forks, params, primary, secondary, -1, Map.of());
    }

    /** The mean of each fork's measurement iterations for a metric ("primary" or a secondary name); empty if unknown. */
    public List<Double> forkMeans(String metric) {
        return forkMeans.getOrDefault(metric, List.of());
    }

    /** The short name: class and method without the package. */
    public String shortName() {
        int method = benchmark.lastIndexOf('.');
        int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        return benchmark.substring(type + 1);
    }

    /** The primary metric for "primary", else the secondary metric of that name (null if absent). */
    public Metric metric(String name) {
        return "primary".equals(name) ? primary : secondary.get(name);
    }

    public String key() {
        return benchmark + " " + mode + " t=" + threads + " " + new TreeMap<>(params);
    }
}
