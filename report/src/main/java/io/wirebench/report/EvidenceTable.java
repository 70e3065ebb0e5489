package io.wirebench.report;

import io.wirebench.report.format.Format;
import io.wirebench.report.format.Table;
import io.wirebench.report.gate.GateStatistics;
import io.wirebench.report.gate.RegressionGate;
import io.wirebench.report.model.Figure;
import io.wirebench.report.model.ForkStatistics;
import io.wirebench.report.model.JmhResult;
import io.wirebench.report.model.SteadyState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The evidence behind each benchmark's primary figure, one row a result: its forks, their spread (the
 * coefficient of variation of the fork values), whether they had reached a steady state ({@link SteadyState})
 * with each fork's iteration series, and the minimum detectable change a regression gate would have against a
 * run like this one (the same forks and variance on both sides, {@link RegressionGate#mdc}, one-sided at the
 * gate's alpha, 80% power) beside the threshold that applies to it: what the gate can and cannot see.
 */
final class EvidenceTable {
    private static final int MAX_SERIES = 12;

    record Row(JmhResult result, Figure figure, double cv, double mdc, double threshold) {
        double visible() {
            return Double.isNaN(mdc) ? Double.NaN : Math.max(mdc, threshold);
        }
    }

    private final List<Row> rows;

    private EvidenceTable(List<Row> rows) {
        this.rows = rows;
    }

    /** {@code gate}: the regression gate's settings (alpha, thresholds); null leaves the gate columns out. */
    static EvidenceTable of(List<JmhResult> results, RegressionGate.Settings gate) {
        List<Row> rows = new ArrayList<>();
        for (JmhResult r : results) {
            Figure f = Figure.of(r, "primary");
            double[] forks = f.values().stream().mapToDouble(Double::doubleValue).toArray();
            double mdc = gate == null || forks.length < 2 || !f.values().stream().allMatch(Double::isFinite) ? Double.NaN
                    : GateStatistics.mdc(forks, forks, gate.alpha());
            rows.add(new Row(r, f, ForkStatistics.cv(f.values()), mdc, gate == null ? Double.NaN : gate.thresholdFor(r.shortName())));
        }
        return new EvidenceTable(rows);
    }

    List<Row> rows() {
        return rows;
    }

    long trending() {
        return rows.stream().filter(r -> r.figure().steady().trending()).count();
    }

    Table table() {
        Table table = new Table("lrrllr", "benchmark", "forks", "fork CV", "steady state", "iterations per fork", "gate can see (80% power)");
        for (Row r : rows) {
            table.row(r.result().shortName() + " " + params(r.result()), r.figure().forks(),
                    Double.isNaN(r.cv()) ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * r.cv()), r.figure().steady().label(), series(r.result()),
                    Double.isNaN(r.visible()) ? "" : String.format(Locale.ROOT, "≥ %.0f%%%s", 100 * r.visible(), r.mdc() > r.threshold() ? "" : " (threshold)"));
        }
        return table;
    }

    static String params(JmhResult r) {
        return r.params().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ")) + " t=" + r.threads();
    }

    /** Each fork's measurement iterations, "202 → 153 → 117 | ..." (units of the primary metric). */
    static String series(JmhResult r) {
        List<List<Double>> forks = r.iterations("primary");
        if (forks.isEmpty() || forks.get(0).size() > MAX_SERIES) {
            return forks.isEmpty() ? "" : forks.size() + " forks of " + forks.get(0).size() + " iterations";
        }
        return forks.stream().map(f -> f.stream().map(Format::num).collect(Collectors.joining(" → "))).collect(Collectors.joining(" | "));
    }
}
