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
 * {@code spreads}: for metrics JMH gives no error for ({@code sample} mode's percentiles), how far the
 * figure moved between forks (each fork's own percentile), or with one fork between its iterations.
 */
public record JmhResult(String benchmark, String mode, int threads, int forks, Map<String, String> params,
                        Metric primary, Map<String, Metric> secondary, long samples, Map<String, List<Double>> forkMeans,
                        Map<String, Spread> spreads) {

    /** The lowest and highest of {@code n} figures of a metric, one per fork or per iteration ({@code over}). */
    public record Spread(double low, double high, int n, String over) {
    }

    public JmhResult {
        params = Map.copyOf(params);
        spreads = Map.copyOf(spreads);
        secondary = Map.copyOf(secondary);
        forkMeans = Map.copyOf(forkMeans);
    }

    /** A result whose sample count is unknown (-1) and without per-fork figures. */
    public JmhResult(String benchmark, String mode, int threads, int forks, Map<String, String> params,
                     Metric primary, Map<String, Metric> secondary) {
        this(benchmark, mode, threads, forks, params, primary, secondary, -1, Map.of(), Map.of());
    }

    /** The mean of each fork's measurement iterations for a metric ("primary" or a secondary name); empty if unknown. */
    public List<Double> forkMeans(String metric) {
        return forkMeans.getOrDefault(metric, List.of());
    }

    /** The spread of a metric JMH gives no error for (null if unknown). */
    public Spread spread(String metric) {
        return spreads.get(metric);
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
