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

    /** {@code n / d} with its interval from both figures' (conservative: the extremes of each): {ratio, low, high}. */
    static double[] ratio(Figure n, Figure d) {
        return new double[] {n.score() / d.score(), n.low() / d.high(), d.low() > 0 ? n.high() / d.low() : Double.POSITIVE_INFINITY};
    }
}
