package io.wirebench.report.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * A figure with its interval from fork-level values ({@link ForkStatistics}: Student's t over forks; none
 * under 3 forks, low = high = NaN), the number of forks behind it, and whether its forks had reached a
 * steady state ({@link SteadyState}). The score is the mean of the fork values (for a sample-mode
 * percentile, of each fork's own percentile), so the interval is about the figure printed. JMH's score
 * error is never used: in sample mode it treats correlated samples as independent and ignores how forks
 * differ. {@code interleaving}: the forks' rounds when they ran interleaved, so two figures of one
 * interleaved run are compared fork against fork.
 */
public record Figure(double score, double low, double high, int forks, String over, SteadyState steady, List<Double> values,
              JmhResult.Interleaving interleaving) {

    public Figure {
        values = List.copyOf(values);
    }

    /** A metric of a result, from its forks. */
    public static Figure of(JmhResult r, String metric) {
        List<Double> values = r.forkValues(metric);
        Metric m = r.metric(metric);
        SteadyState steady = SteadyState.of(r.iterations(metric), m == null ? Metric.Direction.UNKNOWN : m.direction());
        if (values.isEmpty()) {
            return new Figure(m == null ? Double.NaN : m.score(), Double.NaN, Double.NaN, 0, "forks", steady, List.of(), null);
        }
        double[] t = ForkStatistics.mean(values);
        return new Figure(t[0], t[1], t[2], values.size(), "forks", steady, values, r.interleaving());
    }

    /** Independent repetitions of something other than a JMH fork (a floor's rounds: {@code over} = "rounds"). */
    public static Figure of(List<Double> values, String over) {
        double[] t = ForkStatistics.mean(values);
        return new Figure(t[0], t[1], t[2], values.size(), over, SteadyState.UNKNOWN, values, null);
    }

    public boolean hasInterval() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    /** What the interval is, for a reader: "95% t over 3 forks"; null without one. */
    String interval() {
        return hasInterval() ? String.format(Locale.ROOT, "%.0f%% t over %d %s", 100 * ForkStatistics.CONFIDENCE, forks, over) : null;
    }

    /** Why there is no interval, for a reader ("1 fork"). */
    public String noIntervalReason() {
        return forks == 0 ? "no fork-level data" : forks + " " + (forks == 1 ? over.replaceAll("s$", "") : over) + ", under " + ForkStatistics.MIN_FORKS;
    }

    /**
     * For a sentence: "283 [265, 301] us/op (95% t over 3 forks)" ({@code how}: with what the interval is), or
     * "283 us/op (2 forks, under 3, no interval)"; "⏳ still warming up" after it while its forks trend.
     */
    public String text(DoubleFunction<String> num, String unit, boolean how) {
        String s = num.apply(score) + (hasInterval() ? " [" + num.apply(low) + ", " + (Double.isInfinite(high) ? "no upper bound" : num.apply(high)) + "]" : "")
                + (unit.isEmpty() ? "" : " " + unit)
                + (!hasInterval() ? " (" + noIntervalReason() + ", no interval)" : how ? " (" + interval() + ")" : "");
        return steady.trending() ? s + " " + steady.label() : s;
    }

    /** For a table cell: "283 ± 18.0 (3 forks)", or "283 (2 forks, under 3, no interval)"; ⏳ while its forks trend. */
    public String cell(DoubleFunction<String> num) {
        String s = num.apply(score) + (hasInterval() ? " ± " + num.apply((high - low) / 2) + " (" + forks + " " + over + ")"
                : " (" + noIntervalReason() + ", no interval)");
        return steady.trending() ? s + " " + steady.label() : s;
    }

    /** True when the two figures' forks ran interleaved in one schedule, so they pair round by round. */
    public boolean pairsWith(Figure other) {
        return interleaving != null && other.interleaving != null && interleaving.seed() == other.interleaving.seed()
                && interleaving.schedule().equals(other.interleaving.schedule())
                && paired(this, other)[0].size() >= ForkStatistics.MIN_FORKS;
    }

    /**
     * {@code n / d}: {ratio, low, high}. From paired fork ratios when both ran interleaved in one schedule,
     * else from the two sets of forks apart ({@link ForkStatistics}); low and high NaN when either has under 3
     * forks ("no interval"). The interval is on the log scale, so it never reaches 0 or below.
     */
    public static double[] ratio(Figure n, Figure d) {
        if (n.pairsWith(d)) {
            List<Double>[] pairs = paired(n, d);
            return ForkStatistics.pairedRatio(pairs[0], pairs[1]);
        }
        if (n.values.isEmpty() || d.values.isEmpty()) {
            return new double[] {n.score / d.score, Double.NaN, Double.NaN};
        }
        return ForkStatistics.ratio(n.values, d.values);
    }

    /** The two figures' fork values of the rounds both ran (one fork a round each), in round order. */
    @SuppressWarnings("unchecked")
    private static List<Double>[] paired(Figure a, Figure b) {
        Map<Integer, Double> av = byRound(a);
        Map<Integer, Double> bv = byRound(b);
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        if (av != null && bv != null) {
            av.forEach((round, v) -> {
                if (bv.containsKey(round)) {
                    x.add(v);
                    y.add(bv.get(round));
                }
            });
        }
        return new List[] {x, y};
    }

    private static Map<Integer, Double> byRound(Figure f) {
        if (f.interleaving == null || f.interleaving.rounds().size() != f.values.size()) {
            return null;
        }
        Map<Integer, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < f.values.size(); i++) {
            if (out.put(f.interleaving.rounds().get(i), f.values.get(i)) != null) {
                return null; // two forks in one round: not a pairing this reads
            }
        }
        return out;
    }
}
