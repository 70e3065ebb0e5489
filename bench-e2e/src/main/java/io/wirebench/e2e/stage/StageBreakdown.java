package io.wirebench.e2e.stage;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Mean microseconds per request in each {@link Stage}, with {@link Stage#TRANSPORT} the end-to-end mean
 * minus the timed stages, so the parts add up to the end-to-end mean exactly. If the timed stages add up
 * to more than the end-to-end time (beyond {@link #TOLERANCE} of it, for clock granularity), something
 * was counted twice or outside the requests, and the breakdown says so instead of showing a negative
 * transport time.
 */
public record StageBreakdown(Map<Stage, Double> meanMicros, double endToEndMicros, long requests) {
    /** How far the timed stages may exceed the end-to-end time before the breakdown is inconsistent. */
    public static final double TOLERANCE = 0.02;

    public StageBreakdown {
        meanMicros = Map.copyOf(meanMicros);
    }

    /** {@code timedNanos} in the order of {@link Stage#TIMED}: totals over {@code requests} requests. */
    public static StageBreakdown of(long[] timedNanos, long endToEndNanos, long requests) {
        if (timedNanos.length != Stage.TIMED.length) {
            throw new IllegalArgumentException("expected " + Stage.TIMED.length + " stage totals, got " + timedNanos.length);
        }
        Map<Stage, Double> means = new EnumMap<>(Stage.class);
        if (requests == 0) {
            for (Stage stage : Stage.values()) {
                means.put(stage, 0.0);
            }
            return new StageBreakdown(means, 0, 0);
        }
        double endToEnd = endToEndNanos / 1_000.0 / requests;
        double timed = 0;
        for (int i = 0; i < timedNanos.length; i++) {
            double mean = timedNanos[i] / 1_000.0 / requests;
            means.put(Stage.TIMED[i], mean);
            timed += mean;
        }
        if (timed > endToEnd * (1 + TOLERANCE)) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "inconsistent breakdown: timed stages %.1f µs exceed the end-to-end mean %.1f µs over %d requests",
                    timed, endToEnd, requests));
        }
        means.put(Stage.TRANSPORT, Math.max(0, endToEnd - timed));
        return new StageBreakdown(means, endToEnd, requests);
    }

    public double micros(Stage stage) {
        return meanMicros.get(stage);
    }

    /** The parts, transport included: equal to {@link #endToEndMicros()} up to the tolerance. */
    public double sumMicros() {
        return meanMicros.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
