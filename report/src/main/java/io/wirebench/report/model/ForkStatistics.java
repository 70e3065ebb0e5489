package io.wirebench.report.model;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;

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
        double[] v = array(values);
        double mean = v.length == 0 ? Double.NaN : StatUtils.mean(v);
        if (v.length < MIN_FORKS || !values.stream().allMatch(Double::isFinite)) {
            return new double[] {mean, Double.NaN, Double.NaN};
        }
        double half = t(v.length - 1) * Math.sqrt(StatUtils.variance(v) / v.length);
        return new double[] {mean, mean - half, mean + half};
    }

    /**
     * {ratio, low, high} of {@code num} over {@code den} from paired fork values (the same index is one round of
     * an interleaved run): the geometric mean of the paired ratios, t over their logs.
     */
    public static double[] pairedRatio(List<Double> num, List<Double> den) {
        int n = Math.min(num.size(), den.size());
        if (!positive(num) || !positive(den)) {
            return new double[] {StatUtils.mean(array(num)) / StatUtils.mean(array(den)), Double.NaN, Double.NaN};
        }
        double[] logs = new double[n];
        for (int i = 0; i < n; i++) {
            logs[i] = Math.log(num.get(i) / den.get(i));
        }
        double mean = StatUtils.mean(logs);
        if (n < MIN_FORKS) {
            return new double[] {Math.exp(mean), Double.NaN, Double.NaN};
        }
        double half = t(n - 1) * Math.sqrt(StatUtils.variance(logs) / n);
        return new double[] {Math.exp(mean), Math.exp(mean - half), Math.exp(mean + half)};
    }

    /** {ratio, low, high} of the means of two independent sets of fork values (log scale, Welch-Satterthwaite). */
    public static double[] ratio(List<Double> num, List<Double> den) {
        double[] a = array(num);
        double[] b = array(den);
        double mn = StatUtils.mean(a);
        double md = StatUtils.mean(b);
        double ratio = mn / md;
        if (a.length < MIN_FORKS || b.length < MIN_FORKS || !positive(num) || !positive(den)) {
            return new double[] {ratio, Double.NaN, Double.NaN};
        }
        double vn = StatUtils.variance(a) / (a.length * mn * mn); // variance of log(mean) by the delta method
        double vd = StatUtils.variance(b) / (b.length * md * md);
        if (vn + vd == 0) {
            return new double[] {ratio, ratio, ratio};
        }
        double half = t(welchDf(vn, a.length, vd, b.length)) * Math.sqrt(vn + vd);
        return new double[] {ratio, ratio * Math.exp(-half), ratio * Math.exp(half)};
    }

    /** Welch-Satterthwaite degrees of freedom of two squared standard errors ({@code va}, {@code vb}) of samples of {@code na}, {@code nb}. */
    public static double welchDf(double va, int na, double vb, int nb) {
        return (va + vb) * (va + vb) / (va * va / (na - 1) + vb * vb / (nb - 1));
    }

    /** The two-sided critical value of Student's t at {@link #CONFIDENCE}. */
    static double t(double df) {
        return new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    }

    /** The coefficient of variation of fork values (s / mean), NaN under two forks. */
    public static double cv(List<Double> values) {
        double[] v = array(values);
        return v.length < 2 ? Double.NaN : Math.sqrt(StatUtils.variance(v)) / Math.abs(StatUtils.mean(v));
    }

    static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static boolean positive(List<Double> values) {
        return values.stream().allMatch(v -> Double.isFinite(v) && v > 0);
    }
}
