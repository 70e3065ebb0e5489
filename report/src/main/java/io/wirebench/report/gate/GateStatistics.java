package io.wirebench.report.gate;

import io.wirebench.report.model.ForkStatistics;
import io.wirebench.report.model.JmhResult;
import io.wirebench.report.model.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/** The regression gate's statistics beyond its Welch test: each module's drift between two runs, and the minimum detectable change. */
public final class GateStatistics {

    private GateStatistics() {
    }

    /** Below this many primary figures a module's drift is not estimated (its median would be one benchmark's change). */
    static final int MIN_DRIFT_ROWS = 5;

    /** The module of a benchmark: the package segment after {@code io.wirebench} (serialization, transport, ...). */
    public static String moduleOf(String benchmark) {
        String[] parts = benchmark.split("\\.");
        return parts.length > 3 ? parts[2] : benchmark;
    }

    /**
     * Each module's drift between the two runs: the median, over its benchmarks' primary figures, of the current
     * fork mean over the baseline's, as a time ratio (a throughput's ratio inverted), so 0.87 says the module ran
     * 13% faster as a whole. Runs tens of minutes apart on a shared machine differ by that much for every
     * benchmark at once (results/2026-12-02-nightly.md: 13-16% for the CPU-bound modules); a gate on the raw
     * change then reports the machine, and misses a 25% slowdown of one benchmark hidden under it. Each
     * benchmark is judged against its module's drift instead. What this cannot see: a change that slows a whole
     * module alike (a JDK or library update), which looks like drift; the drift is printed with the verdict, so
     * a module that moved is in plain sight.
     */
    static Map<String, Double> drift(Map<String, JmhResult> base, Map<String, JmhResult> cur, int minForks) {
        Map<String, List<Double>> logs = new TreeMap<>();
        for (Map.Entry<String, JmhResult> entry : cur.entrySet()) {
            JmhResult b = base.get(entry.getKey());
            JmhResult c = entry.getValue();
            if (b == null || b.primary() == null || c.primary() == null || c.primary().direction() == Metric.Direction.UNKNOWN) {
                continue;
            }
            List<Double> bs = b.forkValues("primary");
            List<Double> cs = c.forkValues("primary");
            if (bs.size() < minForks || cs.size() < minForks) {
                continue;
            }
            double ratio = StatUtils.mean(cs.stream().mapToDouble(Double::doubleValue).toArray())
                    / StatUtils.mean(bs.stream().mapToDouble(Double::doubleValue).toArray());
            if (!(ratio > 0) || Double.isInfinite(ratio)) {
                continue; // a NaN fork or a zero mean: no part in the drift (the row itself is judged untestable)
            }
            double log = Math.log(ratio);
            logs.computeIfAbsent(moduleOf(c.benchmark()), m -> new ArrayList<>())
                    .add(c.primary().direction() == Metric.Direction.HIGHER_IS_BETTER ? -log : log);
        }
        Map<String, Double> drift = new TreeMap<>();
        logs.forEach((module, values) -> {
            if (values.size() >= MIN_DRIFT_ROWS) {
                drift.put(module, Math.exp(new Median()
                        .evaluate(values.stream().mapToDouble(Double::doubleValue).toArray())));
            }
        });
        return drift;
    }

    /** The power the minimum detectable change is computed for. */
    static final double POWER = 0.8;

    /**
     * The minimum detectable change, relative to the baseline mean: the true change that this one-sided Welch
     * test at {@code alpha} finds with {@link #POWER} power, given both sides' fork counts and variances:
     * (t(1-alpha, df) + t(POWER, df)) x sqrt(sb²/nb + sc²/nc) / mean(b), df by Welch-Satterthwaite. A gate row
     * also needs the change beyond its threshold, so what it can see is the larger of the two.
     */
    public static double mdc(double[] b, double[] c, double alpha) {
        double vb = StatUtils.variance(b) / b.length;
        double vc = StatUtils.variance(c) / c.length;
        double mean = Math.abs(StatUtils.mean(b));
        if (vb + vc == 0) {
            return 0;
        }
        TDistribution t = new TDistribution(null, ForkStatistics.welchDf(vb, b.length, vc, c.length));
        return (t.inverseCumulativeProbability(1 - alpha) + t.inverseCumulativeProbability(POWER)) * Math.sqrt(vb + vc) / mean;
    }
}
