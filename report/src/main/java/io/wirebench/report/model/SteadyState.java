package io.wirebench.report.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Whether a figure had reached a steady state, judged from every fork's series of measurement iterations
 * (JMH's JSON keeps no warm-up iterations; the profiles size their warm-up so that the measurement
 * starts flat). In the manner of Barrett et al. (<i>Virtual Machine Warmup Blows Hot and Cold</i>, OOPSLA
 * 2017), each fork is classified, and the figure with them:
 * <ul>
 *   <li>the trend test is Mann-Kendall's, pooled over forks (the regional Kendall test: the forks' S
 *       statistics and variances add, since forks are independent), two-sided at {@link #ALPHA}; the size of
 *       a trend is each fork's Sen slope over its measurement, relative to its median, and a trend counts
 *       only beyond {@link #DRIFT} (the forks' median);</li>
 *   <li>{@link #WARM_UP}: the figure still improves (times fall, throughput rises); {@link #SLOWDOWN}: it
 *       still worsens; {@link #NO_STEADY_STATE}: forks trend significantly and far in opposite directions
 *       (each on its own, which takes at least 5 iterations); {@link #FLAT}: none of these;
 *       {@link #UNKNOWN}: no fork had 3 iterations.</li>
 * </ul>
 * A figure that is not flat (or unknown) is marked ⏳ and carries no verdict.
 */
public enum SteadyState {
    FLAT, WARM_UP, SLOWDOWN, NO_STEADY_STATE, UNKNOWN;

    static final double ALPHA = 0.05;
    /** The relative change over the measurement below which a significant trend is still called flat. */
    static final double DRIFT = 0.03;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    /** True for the states that carry no verdict. */
    public boolean trending() {
        return this == WARM_UP || this == SLOWDOWN || this == NO_STEADY_STATE;
    }

    public String label() {
        return switch (this) {
            case FLAT -> "flat";
            case WARM_UP -> "⏳ still warming up";
            case SLOWDOWN -> "⏳ slowing down";
            case NO_STEADY_STATE -> "⏳ no steady state";
            case UNKNOWN -> "steady state unknown (under 3 iterations a fork)";
        };
    }

    /** One fork's Mann-Kendall S, its variance under no trend, and Sen's slope over the series relative to its median. */
    record ForkTrend(double s, double variance, double drift) {
        double p() {
            return pValue(s, variance);
        }
    }

    static ForkTrend trend(List<Double> series) {
        int n = series.size();
        double s = 0;
        List<Double> slopes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d = series.get(j) - series.get(i);
                s += Math.signum(d);
                slopes.add(d / (j - i));
            }
        }
        double variance = n * (n - 1) * (2.0 * n + 5) / 18;
        double drift = median(slopes) * (n - 1) / Math.abs(median(series));
        return new ForkTrend(s, variance, drift);
    }

    /** The state of a figure from its forks' iteration series; {@code direction} says which way is better. */
    public static SteadyState of(List<List<Double>> forks, Metric.Direction direction) {
        List<ForkTrend> trends = new ArrayList<>();
        for (List<Double> series : forks) {
            if (series.size() >= 3 && series.stream().allMatch(Double::isFinite) && median(series) != 0) {
                trends.add(trend(series));
            }
        }
        if (trends.isEmpty()) {
            return UNKNOWN;
        }
        double s = 0;
        double variance = 0;
        List<Double> drifts = new ArrayList<>();
        for (ForkTrend t : trends) {
            s += t.s();
            variance += t.variance();
            drifts.add(t.drift());
        }
        double drift = median(drifts);
        if (pValue(s, variance) < ALPHA && Math.abs(drift) >= DRIFT && Math.signum(drift) == Math.signum(s)) {
            boolean rising = drift > 0;
            boolean better = direction == Metric.Direction.HIGHER_IS_BETTER ? rising : !rising;
            return better ? WARM_UP : SLOWDOWN;
        }
        boolean up = trends.stream().anyMatch(t -> t.p() < ALPHA && t.drift() >= DRIFT);
        boolean down = trends.stream().anyMatch(t -> t.p() < ALPHA && t.drift() <= -DRIFT);
        return up && down ? NO_STEADY_STATE : FLAT;
    }

    /** Two-sided p of a Mann-Kendall S with continuity correction (normal approximation). */
    static double pValue(double s, double variance) {
        if (variance <= 0 || s == 0) {
            return 1;
        }
        double z = (Math.abs(s) - 1) / Math.sqrt(variance);
        return 2 * (1 - NORMAL.cumulativeProbability(z));
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
