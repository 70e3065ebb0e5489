package io.wirebench.report.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Values with their counts: a sample-mode histogram (JMH's {@code rawDataHistogram}: iterations of
 * {@code [value, count]} pairs), or plain values counted once each; its mean and its nearest-rank percentiles.
 */
public final class Histogram {
    private final TreeMap<Double, Long> counts = new TreeMap<>();
    private long total;
    private double sum;

    public Histogram add(double value, long count) {
        counts.merge(value, count, Long::sum);
        total += count;
        sum += value * count;
        return this;
    }

    /** Every {@code [value, count]} pair of one iteration (an array of pairs). */
    Histogram addIteration(Path file, String where, JsonNode iteration) {
        for (JsonNode pair : iteration) {
            add(JmhJson.number(file, where + " rawDataHistogram", pair.path(0)), pair.path(1).asLong(0));
        }
        return this;
    }

    /** Every pair of these iterations (a fork of {@code rawDataHistogram}). */
    public Histogram addIterations(Path file, String where, JsonNode iterations) {
        iterations.forEach(iteration -> addIteration(file, where, iteration));
        return this;
    }

    long total() {
        return total;
    }

    /** NaN when empty. */
    public double mean() {
        return total == 0 ? Double.NaN : sum / total;
    }

    /** The nearest-rank percentile, {@code quantile} in [0, 1]; NaN when empty. */
    public double percentile(double quantile) {
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
