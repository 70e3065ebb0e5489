package io.wirebench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run folder as {@code report.md} (GitHub-flavoured, under {@value #MARKDOWN_LIMIT} characters, tables
 * folded), {@code report.csv} (every figure, one per line) and a self-contained {@code report.html}
 * (inline CSS and SVG charts, nothing fetched). Rows that cannot be trusted carry a mark: a percentile
 * from too few samples, a load run over its error budget, a load run whose rate and latency break
 * Little's law for its concurrency.
 */
public final class ReportWriter {
    static final int MARKDOWN_LIMIT = 60_000;
    /** Fewer samples than this and the p99 is one of the few largest samples: marked. */
    static final long MIN_SAMPLES_P99 = 1_000;

    private final RunFolder run;
    private final List<Claims.Answer> answers;
    private final List<Comparison> comparisons;
    private final List<QuestionViews.View> views;
    private final HarnessEfficiency efficiency;
    private final EvidenceTable evidence;

    public ReportWriter(RunFolder run, List<Claims.Answer> answers) {
        this(run, answers, null);
    }

    /** {@code gate}: the regression gate's settings, for what a gate could see in this run (null: that column is left out). */
    public ReportWriter(RunFolder run, List<Claims.Answer> answers, RegressionGate.Settings gate) {
        this.run = run;
        this.answers = answers;
        this.efficiency = HarnessEfficiency.of(run);
        this.comparisons = Comparison.of(run.allJmh());
        this.views = QuestionViews.of(run.allJmh());
        this.evidence = EvidenceTable.of(run.allJmh(), gate);
    }

    static final String EVIDENCE_NOTE = "Each benchmark's primary figure: how many forks stand behind it, how much their values differ"
            + " (coefficient of variation), whether its forks had reached a steady state (Mann-Kendall over each fork's measurement"
            + " iterations, pooled over forks, with Sen's slope for its size: flat, ⏳ still warming up, ⏳ slowing down, ⏳ no steady"
            + " state), each fork's iterations, and the smallest slowdown a regression gate comparing a run like this one with"
            + " another would catch with 80% power (config/regression.yaml's alpha; never below the benchmark's threshold).";

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+inf" : "-inf";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : a >= 0.01 || a == 0 ? "%.2f" : "%.2e", v);
    }

    /**
     * A metric of a result from its forks: "mean ± half-width (n forks)" (Student's t, 95%), "mean (1 fork,
     * no interval)" under 3 forks, and ⏳ when its forks had not reached a steady state.
     */
    static String scoreText(JmhResult r, String metric) {
        return Figure.of(r, metric).cell(ReportWriter::num);
    }

    static String cell(JmhResult r) {
        String s = scoreText(r, "primary");
        if ("sample".equals(r.mode())) {
            Metric p50 = r.metric("p0.50");
            Metric p99 = r.metric("p0.99");
            if (p50 != null && p99 != null) {
                s += " (p50 " + num(p50.score()) + ", p99 " + num(p99.score()) + (r.samples() >= 0 && r.samples() < MIN_SAMPLES_P99 ? " ⚠" : "") + ")";
            }
        }
        return s;
    }

    static String ratioText(double[] r) {
        if (Double.isNaN(r[0])) {
            return "";
        }
        if (Double.isNaN(r[1]) || Double.isNaN(r[2])) {
            return num(r[0]) + "x (no interval)";
        }
        return num(r[0]) + "x [" + num(r[1]) + ", " + (Double.isInfinite(r[2]) ? "no upper bound" : num(r[2])) + "]";
    }

    // ---------------------------------------------------------------- Markdown

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# wirebench report: ").append(run.dir().getFileName()).append("\n\n");
        if (!run.environment().isBlank()) {
            md.append("<details><summary>Environment</summary>\n\n```\n").append(run.environment().strip()).append("\n```\n</details>\n\n");
        }
        md.append("Marks: ⚠ a p99 from fewer than ").append(MIN_SAMPLES_P99).append(" samples; ⛔ a load run that did not pass (its books unbalanced,"
                + " over its error budget, its sender behind its schedule, or over its latency limit); ⚖ rate × latency above the concurrency the run allowed (Little's law: a load run's, or a round trip's throughput and mean latency at the same callers).\n"
                + "Intervals: 95% Student's t over forks (a fork is one JVM, the unit of evidence; its value is the mean of its iterations, or for a percentile its own percentile); none under 3 forks, and then no verdict. A ratio's interval: t over the paired fork ratios when both settings ran interleaved in one schedule, else from both sets of forks on the log scale (Welch). JMH's score error is never used. ⏳ a figure whose forks were still trending (Mann-Kendall over its measurement iterations): it carries no verdict.\n\n");
        if (!answers.isEmpty()) {
            md.append("## Claims\n\n| claim | verdict | evidence |\n|---|---|---|\n");
            for (Claims.Answer a : answers) {
                md.append("| ").append(escape(a.claim().text())).append(" | **").append(a.verdict()).append("** | ")
                        .append(escape(String.join("; ", a.evidence()))).append(" |\n");
            }
            md.append('\n');
        }
        if (efficiency.measured()) {
            md.append("## Harness efficiency: the suite against each transport's floor\n\n").append(EFFICIENCY_NOTE).append("\n\n")
                    .append(efficiency.markdown()).append('\n').append("<details><summary>The floors measured (peers.json)</summary>\n\n")
                    .append(floorsMarkdown()).append("\n</details>\n\n");
        }
        if (!evidence.rows().isEmpty()) {
            md.append("## Evidence: forks, steady state, what a gate can see\n\n").append(EVIDENCE_NOTE).append(' ')
                    .append(evidence.trending()).append(" of ").append(evidence.rows().size()).append(" figures still trending.\n\n");
            String table = evidence.markdown();
            md.append(table.length() > 40_000 ? "The table has " + evidence.rows().size() + " rows: in report.html.\n\n"
                    : "<details><summary>" + evidence.rows().size() + " figures</summary>\n\n" + table + "\n</details>\n\n");
        }
        if (!run.problems().isEmpty()) {
            md.append("## Files that could not be read\n\n");
            run.problems().forEach((file, problem) -> md.append("- `").append(run.dir().relativize(file)).append("`: ").append(escape(problem)).append('\n'));
            md.append('\n');
        }
        if (!run.loads().isEmpty()) {
            md.append("## Load runs (open loop, latency from intended send time)\n\n").append(loadTableMarkdown()).append('\n');
        }
        if (run.loads().stream().anyMatch(l -> !l.books().isEmpty())) {
            md.append("## The load runs' books (a run whose books do not balance fails)\n\n").append(booksTableMarkdown()).append('\n');
        }
        if (run.loads().stream().anyMatch(l -> !l.faults().isEmpty())) {
            md.append("## What each fault cost, by transport\n\n").append(faultTableMarkdown()).append('\n');
        }
        int budget = MARKDOWN_LIMIT - md.length() - 2_000;
        if (!views.isEmpty()) {
            md.append("## The suite's questions, side by side (charts in report.html)\n\n");
            for (QuestionViews.View v : views) {
                if (v.markdown().isEmpty()) {
                    md.append("- ").append(v.title()).append(": charts only, in report.html\n\n");
                    continue;
                }
                String block = "<details><summary>" + escape(v.title()) + "</summary>\n\n" + v.markdown() + "\n</details>\n\n";
                if (block.length() > budget / 2) {
                    md.append("- ").append(v.title()).append(": left out here to keep this report short; in report.html\n\n");
                    continue;
                }
                md.append(block);
                budget -= block.length();
            }
        }
        if (!comparisons.isEmpty()) {
            md.append("## Benchmarks\n\n");
            for (Comparison c : comparisons) {
                String table = comparisonMarkdown(c);
                String block = "<details><summary>" + escape(c.benchmark()) + " (" + c.mode() + ", " + escape(c.unit()) + ")</summary>\n\n" + table + "\n</details>\n\n";
                if (block.length() > budget) {
                    md.append("- ").append(c.benchmark()).append(" (").append(c.mode()).append("): left out here to keep this"
                            + " report under ").append(MARKDOWN_LIMIT).append(" characters; every figure is in report.csv\n");
                    budget -= 200;
                    continue;
                }
                md.append(block);
                budget -= block.length();
            }
        }
        return md.toString();
    }

    static final String EFFICIENCY_NOTE = "Each transport's floor (wrk against the suite's own HTTP service; bare jnats, Jedis and amqp-client"
            + " loops with the same handler and responders) was measured in this run, before and after the suite's own runs. A row outside"
            + " its target measures the harness as much as the transport: claims comparing that transport are INCONCLUSIVE.";

    String floorsMarkdown() {
        StringBuilder md = new StringBuilder("| transport | tool | version | shape | callers | role | p50 µs | requests/s | command |\n"
                + "|---|---|---|---|---:|---|---:|---:|---|\n");
        for (PeerFloor f : run.peers()) {
            md.append("| ").append(f.transport()).append(" | ").append(escape(f.tool())).append(" | ").append(escape(f.version())).append(" | ")
                    .append(f.shape()).append(" | ").append(f.callers()).append(" | ").append(f.role()).append(" | ")
                    .append(f.p50().text(ReportWriter::num, "", false)).append(" | ").append(f.throughput().text(ReportWriter::num, "", false)).append(" | `")
                    .append(escape(f.command())).append("` |\n");
        }
        return md.toString();
    }

    String loadTableMarkdown() {
        StringBuilder md = new StringBuilder("| scenario | transport | asked /s | achieved /s | p50 µs | p99 µs | p99.9 µs | uncorrected p99 µs | failed | error rate | status |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (LoadRun l : run.loads()) {
            String marks = ("passed".equals(l.status()) ? "" : " ⛔") + (l.breaksLittlesLaw() ? " ⚖" : "");
            md.append("| ").append(l.scenario()).append(" | ").append(l.transport()).append(" | ").append(num(l.targetRate()))
                    .append(" | ").append(num(l.achievedRate())).append(" | ").append(num(l.p50())).append(" | ").append(num(l.p99()))
                    .append(" | ").append(num(l.p999())).append(" | ").append(num(l.uncorrectedP99())).append(" | ").append(l.failed())
                    .append(" | ").append(String.format(Locale.ROOT, "%.4f", l.errorRate())).append(" | ").append(l.status()).append(marks).append(" |\n");
        }
        return md.toString();
    }

    /** Each load run's books as the scenario counted them (books balance first, then the figures by name). */
    String booksTableMarkdown() {
        StringBuilder md = new StringBuilder("| scenario | transport | books balance | figures |\n|---|---|---|---|\n");
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
            md.append("| ").append(l.scenario()).append(" | ").append(l.transport()).append(" | ").append("true".equals(balance) ? "yes" : balance + " ⛔")
                    .append(" | ").append(escape(figures.toString())).append(" |\n");
        }
        return md.toString();
    }

    /**
     * One row per fault of every load run, grouped by scenario and fault (action, how long) so the transports
     * of one fault sit together: the rate before, the outage, the time to recover after the repair, the
     * failures and the worst per-second p99 of that window. A fault that did not go as asked is marked.
     */
    String faultTableMarkdown() {
        record Row(LoadRun run, FaultCost fault) {
        }
        List<Row> rows = new ArrayList<>();
        for (LoadRun l : run.loads()) {
            for (FaultCost f : l.faults()) {
                rows.add(new Row(l, f));
            }
        }
        rows.sort(java.util.Comparator.comparing((Row r) -> r.run().scenario()).thenComparing(r -> r.fault().action())
                .thenComparingDouble(r -> Math.round(r.fault().lastedSeconds() * 10)).thenComparing(r -> r.run().transport()));
        StringBuilder md = new StringBuilder("| scenario | fault | lasted s | transport | target | rate before /s | outage s | recovered after repair s"
                + " | failed in outage | worst p99 ms in outage |\n|---|---|---:|---|---|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            FaultCost f = r.fault();
            String outage = num(f.outageSeconds()) + (f.recovered() ? "" : " (never recovered)");
            md.append("| ").append(r.run().scenario()).append(" | ").append(f.action()).append(f.errors().isEmpty() ? "" : " ⛔ " + escape(f.errors()))
                    .append(" | ").append(num(f.lastedSeconds())).append(" | ").append(r.run().transport()).append(" | ").append(f.target())
                    .append(" | ").append(num(f.rateBefore())).append(" | ").append(outage).append(" | ").append(num(f.timeToRecoverSeconds()))
                    .append(" | ").append(f.failures()).append(" | ").append(num(f.worstP99Micros() / 1e3)).append(" |\n");
        }
        return md.toString();
    }

    static String comparisonMarkdown(Comparison c) {
        StringBuilder md = new StringBuilder("| ").append(c.compared() == null ? "params" : "params \\ " + c.compared()).append(" |");
        for (String col : c.columns()) {
            md.append(' ').append(col).append(" |");
        }
        if (c.baseline() != null) {
            for (String col : c.columns()) {
                if (!col.equals(c.baseline())) {
                    md.append(' ').append(col).append(" / ").append(c.baseline()).append(" |");
                }
            }
        }
        md.append("\n|---|");
        int extra = c.baseline() == null ? 0 : c.columns().size() - 1;
        md.append("---:|".repeat(c.columns().size() + extra)).append('\n');
        for (Map.Entry<String, Map<String, JmhResult>> row : c.rows().entrySet()) {
            md.append("| ").append(escape(row.getKey())).append(" |");
            for (String col : c.columns()) {
                JmhResult r = row.getValue().get(col);
                md.append(' ').append(r == null ? "" : escape(cell(r))).append(" |");
            }
            if (c.baseline() != null) {
                JmhResult base = row.getValue().get(c.baseline());
                for (String col : c.columns()) {
                    if (!col.equals(c.baseline())) {
                        JmhResult r = row.getValue().get(col);
                        md.append(' ').append(r == null || base == null ? "" : ratioText(Comparison.ratio(r, base))).append(" |");
                    }
                }
            }
            md.append('\n');
        }
        return md.toString();
    }

    static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    // ---------------------------------------------------------------- CSV

    public String csv() {
        StringBuilder csv = new StringBuilder("source,benchmark,mode,threads,params,metric,score,low,high,forks,steady_state,unit,samples\n");
        for (Map.Entry<String, List<JmhResult>> file : run.jmhByFile().entrySet()) {
            for (JmhResult r : file.getValue()) {
                String params = new java.util.TreeMap<>(r.params()).toString();
                line(csv, file.getKey(), r, params, "primary", r.primary());
                for (Map.Entry<String, Metric> m : new java.util.TreeMap<>(r.secondary()).entrySet()) {
                    line(csv, file.getKey(), r, params, m.getKey(), m.getValue());
                }
            }
        }
        for (LoadRun l : run.loads()) {
            String source = run.dir().relativize(l.file()).toString();
            String params = "{scenario=" + l.scenario() + ", transport=" + l.transport() + ", rate=" + num(l.targetRate()) + "}";
            String[][] figures = {{"achieved", String.valueOf(l.achievedRate()), "ops/s"}, {"p50", String.valueOf(l.p50()), "us"},
                {"p99", String.valueOf(l.p99()), "us"}, {"p99.9", String.valueOf(l.p999()), "us"},
                {"uncorrected.p99", String.valueOf(l.uncorrectedP99()), "us"}, {"failed", String.valueOf(l.failed()), "#"},
                {"errorRate", String.valueOf(l.errorRate()), "ratio"}};
            for (String[] f : figures) {
                csv.append(quote(source)).append(",load.").append(l.scenario()).append(",open-loop,").append(l.users()).append(',')
                        .append(quote(params)).append(',').append(f[0]).append(',').append(f[1]).append(",,,,,").append(f[2]).append(",\n");
            }
            for (int i = 0; i < l.faults().size(); i++) {
                FaultCost fault = l.faults().get(i);
                String prefix = "fault" + i + "." + fault.action() + "." + fault.target() + ".";
                String[][] costs = {{"lasted", String.valueOf(fault.lastedSeconds()), "s"}, {"rateBefore", String.valueOf(fault.rateBefore()), "ops/s"},
                    {"outage", String.valueOf(fault.outageSeconds()), "s"}, {"recoveredAfterRepair", String.valueOf(fault.timeToRecoverSeconds()), "s"},
                    {"failedInOutage", String.valueOf(fault.failures()), "#"}, {"worstP99InOutage", String.valueOf(fault.worstP99Micros()), "us"}};
                for (String[] f : costs) {
                    csv.append(quote(source)).append(",load.").append(l.scenario()).append(",open-loop,").append(l.users()).append(',')
                            .append(quote(params)).append(',').append(prefix).append(f[0]).append(',').append(f[1]).append(",,,,,").append(f[2]).append(",\n");
                }
            }
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, String source, JmhResult r, String params, String metric, Metric m) {
        Figure f = Figure.of(r, metric);
        csv.append(quote(source)).append(',').append(quote(r.benchmark())).append(',').append(r.mode()).append(',').append(r.threads())
                .append(',').append(quote(params)).append(',').append(quote(metric)).append(',').append(f.score()).append(',')
                .append(f.hasInterval() ? String.valueOf(f.low()) : "").append(',').append(f.hasInterval() ? String.valueOf(f.high()) : "")
                .append(',').append(f.forks()).append(',').append(f.steady().name().toLowerCase(java.util.Locale.ROOT)).append(',')
                .append(quote(m.unit())).append(',')
                .append(r.samples() >= 0 && "primary".equals(metric) ? String.valueOf(r.samples()) : "").append('\n');
    }

    static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    // ---------------------------------------------------------------- HTML

    public String html() {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>wirebench report: ")
                .append(html(String.valueOf(run.dir().getFileName()))).append("</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse;margin:1em 0}"
                        + "td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}td:first-child,th:first-child{text-align:left}"
                        + ".SUPPORTED{color:#080}.REFUTED{color:#b00}.INCONCLUSIVE{color:#a60}svg{margin:1em 0}pre{background:#f6f6f6;padding:1em}")
                .append("</style></head><body>\n<h1>wirebench report: ").append(html(String.valueOf(run.dir().getFileName()))).append("</h1>\n");
        if (!run.environment().isBlank()) {
            h.append("<details><summary>Environment</summary><pre>").append(html(run.environment().strip())).append("</pre></details>\n");
        }
        if (!answers.isEmpty()) {
            h.append("<h2>Claims</h2>\n<table><tr><th>claim</th><th>verdict</th><th>evidence</th></tr>\n");
            for (Claims.Answer a : answers) {
                h.append("<tr><td>").append(html(a.claim().text())).append("</td><td class=\"").append(a.verdict()).append("\"><b>")
                        .append(a.verdict()).append("</b></td><td style=\"text-align:left\">").append(html(String.join("; ", a.evidence()))).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (efficiency.measured()) {
            h.append("<h2>Harness efficiency: the suite against each transport's floor</h2>\n<p>").append(html(EFFICIENCY_NOTE)).append("</p>\n")
                    .append(markdownTableToHtml(efficiency.markdown()))
                    .append("<details><summary>The floors measured (peers.json)</summary>\n").append(markdownTableToHtml(floorsMarkdown()))
                    .append("</details>\n");
        }
        if (!evidence.rows().isEmpty()) {
            h.append("<h2>Evidence: forks, steady state, what a gate can see</h2>\n<p>").append(html(EVIDENCE_NOTE)).append(' ')
                    .append(evidence.trending()).append(" of ").append(evidence.rows().size()).append(" figures still trending.</p>\n<details><summary>")
                    .append(evidence.rows().size()).append(" figures</summary>\n").append(markdownTableToHtml(evidence.markdown())).append("</details>\n");
        }
        if (!run.problems().isEmpty()) {
            h.append("<h2>Files that could not be read</h2><ul>\n");
            run.problems().forEach((file, problem) -> h.append("<li><code>").append(html(String.valueOf(run.dir().relativize(file))))
                    .append("</code>: ").append(html(problem)).append("</li>\n"));
            h.append("</ul>\n");
        }
        if (run.loads().stream().anyMatch(l -> !l.faults().isEmpty())) {
            h.append("<h2>What each fault cost, by transport</h2>\n").append(markdownTableToHtml(faultTableMarkdown()));
        }
        if (!run.loads().isEmpty()) {
            h.append("<h2>Load runs</h2>\n").append(markdownTableToHtml(loadTableMarkdown()));
            List<String> labels = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (LoadRun l : run.loads()) {
                labels.add(l.scenario() + " / " + l.transport());
                values.add(l.p99());
            }
            h.append(BarChart.svg("Load runs: corrected p99 (µs)", labels, values));
        }
        for (QuestionViews.View v : views) {
            h.append("<h2>").append(html(v.title())).append("</h2>\n");
            for (String table : v.markdown().strip().split("\n\n")) {
                if (!table.isBlank()) {
                    h.append(markdownTableToHtml(table));
                }
            }
            v.charts().forEach(h::append);
        }
        for (Comparison c : comparisons) {
            h.append("<h2>").append(html(c.benchmark())).append(" <small>(").append(c.mode()).append(", ").append(html(c.unit())).append(")</small></h2>\n");
            h.append(markdownTableToHtml(comparisonMarkdown(c)));
            List<String> labels = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (Map.Entry<String, Map<String, JmhResult>> row : c.rows().entrySet()) {
                for (String col : c.columns()) {
                    JmhResult r = row.getValue().get(col);
                    if (r != null && labels.size() < BarChart.MAX_BARS) {
                        labels.add(row.getKey() + (c.compared() == null ? "" : " " + col));
                        values.add(r.primary().score());
                    }
                }
            }
            h.append(BarChart.svg(c.benchmark() + " (" + c.unit() + ")", labels, values));
        }
        return h.append("</body></html>\n").toString();
    }

    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The Markdown tables this writer makes, as HTML (cells are plain text: escaped here). */
    static String markdownTableToHtml(String md) {
        StringBuilder h = new StringBuilder("<table>\n");
        String[] lines = md.strip().split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (i == 1) {
                continue;
            }
            String[] cells = lines[i].substring(2, lines[i].length() - 2).split(" (?<!\\\\)\\| ", -1);
            h.append("<tr>");
            for (String cellText : cells) {
                String tag = i == 0 ? "th" : "td";
                h.append('<').append(tag).append('>').append(html(cellText.replace("\\|", "|").strip())).append("</").append(tag).append('>');
            }
            h.append("</tr>\n");
        }
        return h.append("</table>\n").toString();
    }
}
