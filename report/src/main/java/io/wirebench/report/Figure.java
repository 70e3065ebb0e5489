package io.wirebench.report;

/**
 * A figure with its interval: JMH's 99.9% confidence interval when it gives one, else how far it moved
 * between forks (or between the iterations of a single fork: sample mode's percentiles), else none
 * ({@code interval} null, low = high = score).
 */
record Figure(double score, double low, double high, String interval) {

    static Figure of(JmhResult r, String metric) {
        Metric m = r.metric(metric);
        JmhResult.Spread spread = r.spread(metric);
        if (!Double.isFinite(m.error()) && spread != null) {
            return new Figure(m.score(), Math.min(m.score(), spread.low()), Math.max(m.score(), spread.high()),
                    "range over " + spread.n() + " " + spread.over());
        }
        return of(m);
    }

    /** A metric with JMH's interval, or none when JMH gave no error. */
    static Figure of(Metric m) {
        return Double.isFinite(m.error())
                ? new Figure(m.score(), m.score() - m.error(), m.score() + m.error(), "99.9% CI")
                : new Figure(m.score(), m.score(), m.score(), null);
    }

    /**
     * {@code n / d} with its interval from both figures' (conservative: the extremes of each): {ratio, low, high}.
     * A figure without an interval gives the ratio none (low and high NaN: "no interval", never a zero-width
     * one); a low end is never below 0 (a score's interval may reach below 0, a ratio of positive figures
     * cannot), and a denominator whose interval reaches 0 leaves the ratio without an upper bound.
     */
    static double[] ratio(Figure n, Figure d) {
        double ratio = n.score() / d.score();
        if (n.interval() == null || d.interval() == null) {
            return new double[] {ratio, Double.NaN, Double.NaN};
        }
        return new double[] {ratio, Math.max(0, n.low() / d.high()), d.low() > 0 ? n.high() / d.low() : Double.POSITIVE_INFINITY};
    }
}
