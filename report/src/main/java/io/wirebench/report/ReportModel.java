package io.wirebench.report;

import io.wirebench.report.claims.Claims;
import io.wirebench.report.claims.HarnessEfficiency;
import io.wirebench.report.format.Format;
import io.wirebench.report.format.Table;
import io.wirebench.report.gate.RegressionGate;
import io.wirebench.report.model.FaultCost;
import io.wirebench.report.model.ForkStatistics;
import io.wirebench.report.model.JmhResult;
import io.wirebench.report.model.LoadRun;
import io.wirebench.report.model.PeerFloor;
import io.wirebench.report.model.RunFolder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One run folder as the report shows it, worked out once for all its formats: the claims' answers, the
 * harness against the floors, the evidence behind each figure, the questions side by side, each benchmark's
 * comparison table, and the load runs, their books and their faults, each as a {@link Table}.
 * {@link MarkdownReport} and {@link HtmlReport} render it; {@link CsvReport} lists every figure.
 */
record ReportModel(RunFolder run, List<Claims.Answer> answers, HarnessEfficiency efficiency, List<Comparison> comparisons,
                   List<QuestionViews.View> views, EvidenceTable evidence, List<String> findings, List<Comparison> smoke) {

    /** The heading of the smoke section, and its mark. */
    static final String SMOKE = "smoke: not a result";
    static final String SMOKE_NOTE = "Results from fewer than " + ForkStatistics.MIN_FORKS + " forks (a smoke run proves a benchmark runs"
            + " and its JSON is complete): their figures have no interval, so no ratio is shown, and no claim or answer reads them.";

    /** Whether {@code r} is a result: enough forks for an interval. */
    static boolean measured(JmhResult r) {
        return r.forkValues("primary").size() >= ForkStatistics.MIN_FORKS;
    }

    static final String EVIDENCE_NOTE = "Each benchmark's primary figure: how many forks stand behind it, how much their values differ"
            + " (coefficient of variation), whether its forks had reached a steady state (Mann-Kendall over each fork's measurement"
            + " iterations, pooled over forks, with Sen's slope for its size: flat, ⏳ still warming up, ⏳ slowing down, ⏳ no steady"
            + " state), each fork's iterations, and the smallest slowdown a regression gate comparing a run like this one with"
            + " another would catch with 80% power (config/regression.yaml's alpha; never below the benchmark's threshold).";

    static final String EFFICIENCY_NOTE = "Each transport's floor (wrk against the suite's own HTTP service; bare jnats, Jedis and amqp-client"
            + " loops with the same handler and responders) was measured in this run, before and after the suite's own runs. A row outside"
            + " its target measures the harness as much as the transport: claims comparing that transport are decided only within the bounds"
            + " the floors allow (report/README.md, bounded verdicts).";

    static ReportModel of(RunFolder run, List<Claims.Answer> answers) {
        return of(run, answers, null);
    }

    /** {@code gate}: the regression gate's settings, for what a gate could see in this run (null: that column is left out). */
    static ReportModel of(RunFolder run, List<Claims.Answer> answers, RegressionGate.Settings gate) {
        List<JmhResult> all = run.allJmh();
        List<JmhResult> measured = all.stream().filter(ReportModel::measured).toList();
        List<Comparison> smoke = Comparison.of(all.stream().filter(r -> !measured(r)).toList()).stream().map(Comparison::withoutRatios).toList();
        return new ReportModel(run, answers, HarnessEfficiency.of(run), Comparison.of(measured), QuestionViews.of(measured),
                EvidenceTable.of(all, gate), Answers.of(run, answers), smoke);
    }

    /** The floors peers.json holds, with the command that measured each. */
    Table floors() {
        Table table = new Table("llllrlrrl", "transport", "tool", "version", "shape", "callers", "role", "p50 µs", "requests/s", "command");
        for (PeerFloor f : run.peers()) {
            table.row(f.transport(), f.tool(), f.version(), f.shape(), f.callers(), f.role(), f.p50().text(Format::num, "", false),
                    f.throughput().text(Format::num, "", false), "`" + f.command() + "`");
        }
        return table;
    }

    /** The load runs: asked and achieved rates, the corrected percentiles, failures; ⛔ a run that did not pass, ⚖ one breaking Little's law. */
    Table loads() {
        Table table = new Table("llrrrrrrrrl", "scenario", "transport", "asked /s", "achieved /s", "p50 µs", "p99 µs", "p99.9 µs",
                "uncorrected p99 µs", "failed", "error rate", "status");
        for (LoadRun l : run.loads()) {
            String marks = ("passed".equals(l.status()) ? "" : " ⛔") + (l.breaksLittlesLaw() ? " ⚖" : "");
            table.row(l.scenario(), l.transport(), Format.num(l.targetRate()), Format.num(l.achievedRate()), Format.num(l.p50()), Format.num(l.p99()),
                    Format.num(l.p999()), Format.num(l.uncorrectedP99()), l.failed(), String.format(Locale.ROOT, "%.4f", l.errorRate()), l.status() + marks);
        }
        return table;
    }

    /** Each load run's books as the scenario counted them (books balance first, then the figures by name). */
    Table books() {
        Table table = new Table("llll", "scenario", "transport", "books balance", "figures");
        for (LoadRun l : run.loads()) {
            if (l.books().isEmpty()) {
                continue;
            }
            String balance = l.books().getOrDefault("booksBalance", "?");
            StringBuilder figures = new StringBuilder();
            l.books().forEach((k, v) -> {
                if (!k.equals("booksBalance")) {
                    figures.append(figures.length() == 0 ? "" : ", ").append(k).append(' ').append(v);
                }
            });
            table.row(l.scenario(), l.transport(), "true".equals(balance) ? "yes" : balance + " ⛔", figures);
        }
        return table;
    }

    /**
     * One row per fault of every load run, grouped by scenario and fault (action, how long) so the transports
     * of one fault sit together: the rate before, the outage, the time to recover after the repair, the
     * failures and the worst per-second p99 of that window. A fault that did not go as asked is marked.
     */
    Table faults() {
        record Row(LoadRun run, FaultCost fault) {
        }
        List<Row> rows = new ArrayList<>();
        for (LoadRun l : run.loads()) {
            for (FaultCost f : l.faults()) {
                rows.add(new Row(l, f));
            }
        }
        rows.sort(Comparator.comparing((Row r) -> r.run().scenario()).thenComparing(r -> r.fault().action())
                .thenComparingDouble(r -> Math.round(r.fault().lastedSeconds() * 10)).thenComparing(r -> r.run().transport()));
        Table table = new Table("llrllrrrrr", "scenario", "fault", "lasted s", "transport", "target", "rate before /s", "outage s",
                "recovered after repair s", "failed in outage", "worst p99 ms in outage");
        for (Row r : rows) {
            FaultCost f = r.fault();
            table.row(r.run().scenario(), f.action() + (f.errors().isEmpty() ? "" : " ⛔ " + f.errors()), Format.num(f.lastedSeconds()),
                    r.run().transport(), f.target(), Format.num(f.rateBefore()), Format.num(f.outageSeconds()) + (f.recovered() ? "" : " (never recovered)"),
                    Format.num(f.timeToRecoverSeconds()), f.failures(), Format.num(f.worstP99Micros() / 1e3));
        }
        return table;
    }

    /** A benchmark's results: one row per setting, one column per compared value, then each value's ratio to the baseline value. */
    static Table comparison(Comparison c) {
        List<String> header = new ArrayList<>();
        header.add(c.compared() == null ? "params" : "params \\ " + c.compared());
        header.addAll(c.columns());
        if (c.baseline() != null) {
            c.columns().stream().filter(col -> !col.equals(c.baseline())).forEach(col -> header.add(col + " / " + c.baseline()));
        }
        Table table = new Table("l" + "r".repeat(header.size() - 1), header.toArray(String[]::new));
        for (Map.Entry<String, Map<String, JmhResult>> row : c.rows().entrySet()) {
            List<String> cells = new ArrayList<>();
            cells.add(row.getKey());
            for (String col : c.columns()) {
                JmhResult r = row.getValue().get(col);
                cells.add(r == null ? "" : Format.cell(r));
            }
            if (c.baseline() != null) {
                JmhResult base = row.getValue().get(c.baseline());
                for (String col : c.columns()) {
                    if (!col.equals(c.baseline())) {
                        JmhResult r = row.getValue().get(col);
                        cells.add(r == null || base == null ? "" : Format.ratio(Comparison.ratio(r, base)));
                    }
                }
            }
            table.row(cells.toArray());
        }
        return table;
    }
}
