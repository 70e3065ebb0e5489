package io.wirebench.report.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of a JMH JSON file. JMH's key for a result is benchmark + mode + threads + params, never the
 * benchmark name alone. {@code params} values are strings, as JMH writes them. Secondary metric names
 * are stored without JMH's older {@code ·} prefix. {@code samples}: for {@code sample} mode, how many
 * invocations the histogram holds (-1 when unknown), so a report can tell a p99.99 of 200 samples.
 * {@code forks}: per metric, the fork-level evidence ({@link Forks}): every interval, test and steady-state
 * judgement of the report and the gate comes from it, never from JMH's score error. {@code interleaving}:
 * set when the forks ran as single-fork runs interleaved with other settings ({@code JmhRunCommand}), null
 * otherwise.
 */
public record JmhResult(String benchmark, String mode, int threads, int forkCount, Map<String, String> params,
                        Metric primary, Map<String, Metric> secondary, long samples, Map<String, Forks> forks,
                        Interleaving interleaving) {

    /**
     * A metric's fork-level data: {@code values}, one per fork (the mean of its iterations, or for a
     * sample-mode percentile the fork's own percentile from its histogram); {@code iterations}, each fork's
     * series of measurement iterations (a sample-mode mean: each iteration's histogram mean).
     */
    public record Forks(List<Double> values, List<List<Double>> iterations) {
        public Forks {
            values = List.copyOf(values);
            iterations = iterations.stream().map(List::copyOf).toList();
        }
    }

    /**
     * How the forks ran interleaved: the schedule (the run that interleaved them, e.g. its result file's name),
     * its seed, and each fork's round (forks of one round of one schedule are a pair).
     */
    public record Interleaving(String schedule, long seed, List<Integer> rounds) {
        public Interleaving {
            rounds = List.copyOf(rounds);
        }
    }

    public JmhResult {
        params = Map.copyOf(params);
        secondary = Map.copyOf(secondary);
        forks = Map.copyOf(forks);
    }

    /** A result without fork-level data (no interval can come from it). */
    public JmhResult(String benchmark, String mode, int threads, int forkCount, Map<String, String> params,
                     Metric primary, Map<String, Metric> secondary) {
        this(benchmark, mode, threads, forkCount, params, primary, secondary, -1, Map.of(), null);
    }

    /** Each fork's value of a metric ("primary" or a secondary name); empty if unknown. */
    public List<Double> forkValues(String metric) {
        Forks f = forks.get(metric);
        return f == null ? List.of() : f.values();
    }

    /** Each fork's series of measurement iterations of a metric; empty if unknown. */
    public List<List<Double>> iterations(String metric) {
        Forks f = forks.get(metric);
        return f == null ? List.of() : f.iterations();
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

    /** The parameters but {@code leaveOut}, as "name=value ...", then the caller count: "codec=json shape=small t=1". */
    public String setting(String... leaveOut) {
        String rest = paramsBut(leaveOut);
        return (rest.isEmpty() ? "" : rest + " ") + "t=" + threads;
    }

    /** The parameters but {@code leaveOut}, as "name=value ...", by name. */
    public String paramsBut(String... leaveOut) {
        Map<String, String> rest = new TreeMap<>(params);
        for (String p : leaveOut) {
            rest.remove(p);
        }
        StringBuilder s = new StringBuilder();
        rest.forEach((k, v) -> s.append(s.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return s.toString();
    }

    public String key() {
        return benchmark + " " + mode + " t=" + threads + " " + new TreeMap<>(params);
    }
}
