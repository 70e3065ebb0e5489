package io.wirebench.report;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Intervals from forks, the unit of evidence (Georges, Buytaert and Eeckhout, OOPSLA 2007): each fork is
 * one JVM, one JIT history, one heap layout, and its value (its mean, or its own percentile) is one
 * independent observation; the iterations and samples within a fork are not. Every interval here is
 * Student's t over fork-level values at {@link #CONFIDENCE}; under {@link #MIN_FORKS} forks there is none
 * (NaN bounds), and a verdict without an interval is INCONCLUSIVE.
 * <ul>
 *   <li>a figure: mean of the fork values ± t(n-1) s / sqrt(n);</li>
 *   <li>a ratio of two figures whose forks ran interleaved (paired by round): t over the log of the paired
 *       fork ratios, so drift that hits both sides of a pair cancels;</li>
 *   <li>a ratio of two figures that ran apart: the log of the ratio of means with its delta-method standard
 *       error and Welch-Satterthwaite degrees of freedom. Both ratio intervals are exponentiated, so they
 *       stay above 0.</li>
 * </ul>
 */
public final class ForkStatistics {
    /** Two-sided confidence of every interval. */
    public static final double CONFIDENCE = 0.95;
    /** Fewer forks give no interval. */
    public static final int MIN_FORKS = 3;

    private ForkStatistics() {
    }

    /** {mean, low, high} of fork values; low and high NaN under {@link #MIN_FORKS} forks or with a value not finite. */
    public static double[] mean(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double mean = average(values);
        if (n < MIN_FORKS || !allFinite(values)) {
            return new double[] {mean, Double.NaN, Double.NaN};
        }
        double half = t(n - 1) * Math.sqrt(variance(values, mean) / n);
        return new double[] {mean, mean - half, mean + half};
    }

    /**
     * {ratio, low, high} of {@code num} over {@code den} from paired fork values (the same index is one round of
     * an interleaved run): the geometric mean of the paired ratios, t over their logs.
     */
    public static double[] pairedRatio(List<Double> num, List<Double> den) {
        int n = Math.min(num.size(), den.size());
        double[] logs = new double[n];
        for (int i = 0; i < n; i++) {
            logs[i] = Math.log(num.get(i) / den.get(i));
        }
        double mean = 0;
        for (double l : logs) {
            mean += l / n;
        }
        if (n < MIN_FORKS || !positive(num) || !positive(den)) {
            return new double[] {Math.exp(mean), Double.NaN, Double.NaN};
        }
        double ss = 0;
        for (double l : logs) {
            ss += (l - mean) * (l - mean);
        }
        double half = t(n - 1) * Math.sqrt(ss / (n - 1) / n);
        return new double[] {Math.exp(mean), Math.exp(mean - half), Math.exp(mean + half)};
    }

    /** {ratio, low, high} of the means of two independent sets of fork values (log scale, Welch-Satterthwaite). */
    public static double[] ratio(List<Double> num, List<Double> den) {
        double mn = average(num);
        double md = average(den);
        double ratio = mn / md;
        if (num.size() < MIN_FORKS || den.size() < MIN_FORKS || !positive(num) || !positive(den)) {
            return new double[] {ratio, Double.NaN, Double.NaN};
        }
        double vn = variance(num, mn) / (num.size() * mn * mn); // variance of log(mean) by the delta method
        double vd = variance(den, md) / (den.size() * md * md);
        double se = Math.sqrt(vn + vd);
        if (se == 0) {
            return new double[] {ratio, ratio, ratio};
        }
        double df = (vn + vd) * (vn + vd) / (vn * vn / (num.size() - 1) + vd * vd / (den.size() - 1));
        double half = t(df) * se;
        return new double[] {ratio, ratio * Math.exp(-half), ratio * Math.exp(half)};
    }

    /** The two-sided critical value of Student's t at {@link #CONFIDENCE}. */
    static double t(double df) {
        return new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    }

    /** The coefficient of variation of fork values (s / mean), NaN under two forks. */
    public static double cv(List<Double> values) {
        if (values.size() < 2) {
            return Double.NaN;
        }
        double mean = average(values);
        return Math.sqrt(variance(values, mean)) / Math.abs(mean);
    }

    static double average(List<Double> values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.size();
    }

    static double variance(List<Double> values, double mean) {
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return ss / (values.size() - 1);
    }

    private static boolean allFinite(List<Double> values) {
        return values.stream().allMatch(Double::isFinite);
    }

    private static boolean positive(List<Double> values) {
        return values.stream().allMatch(v -> Double.isFinite(v) && v > 0);
    }
}
