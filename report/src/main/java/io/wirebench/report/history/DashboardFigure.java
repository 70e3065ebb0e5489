package io.wirebench.report.history;

import io.wirebench.report.format.Format;
import io.wirebench.report.model.Figure;
import io.wirebench.report.model.JmhResult;
import io.wirebench.report.model.LoadRun;
import io.wirebench.report.model.Metric;
import io.wirebench.report.model.RunFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One figure of a run as continuous-benchmarking dashboards take it: a stable name (the benchmark, its parameters
 * and callers), what is measured, its unit and which way is better (from the unit alone), its value and, with 3
 * forks or more, its fork-level interval. Every JMH result's primary figure and its allocation per operation, and
 * every load run's corrected p99 and achieved rate; figures whose direction the unit does not say are left out.
 * {@code jmhKey} and {@code jmhMetric} name the JMH result and metric a figure comes from (the regression gate's row),
 * null for a load run's.
 */
record DashboardFigure(String name, String measure, String unit, Metric.Direction direction, double value, double low, double high,
                       String jmhKey, String jmhMetric) {

    boolean hasInterval() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    static List<DashboardFigure> of(RunFolder run) {
        List<DashboardFigure> out = new ArrayList<>();
        for (JmhResult r : run.allJmh()) {
            String name = r.shortName() + " " + r.setting();
            add(out, name, r, "primary");
            add(out, name, r, "gc.alloc.rate.norm");
        }
        for (LoadRun l : run.loads()) {
            String name = "load." + l.scenario() + " transport=" + l.transport() + " rate=" + Format.num(l.targetRate());
            if (Double.isFinite(l.p99())) {
                out.add(new DashboardFigure(name, "latency-p99", "us", Metric.Direction.LOWER_IS_BETTER, l.p99(), Double.NaN, Double.NaN, null, null));
            }
            out.add(new DashboardFigure(name, "throughput", "ops/s", Metric.Direction.HIGHER_IS_BETTER, l.achievedRate(), Double.NaN, Double.NaN, null, null));
        }
        return out;
    }

    private static void add(List<DashboardFigure> out, String name, JmhResult r, String metric) {
        Metric m = r.metric(metric);
        if (m == null || m.direction() == Metric.Direction.UNKNOWN) {
            return;
        }
        Figure f = Figure.of(r, metric);
        if (!Double.isFinite(f.score())) {
            return;
        }
        String measure = metric.equals("primary") ? (m.direction() == Metric.Direction.HIGHER_IS_BETTER ? "throughput" : "time")
                : metric.equals("gc.alloc.rate.norm") ? "allocation" : metric;
        out.add(new DashboardFigure(name, measure, m.unit(), m.direction(), f.score(), f.hasInterval() ? f.low() : Double.NaN,
                f.hasInterval() ? f.high() : Double.NaN, r.key(), metric));
    }

    /** A Bencher measure's slug: what and its unit, e.g. {@code time-us-op}, {@code throughput-ops-s}. */
    String measureSlug() {
        return (measure + "-" + unit).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
