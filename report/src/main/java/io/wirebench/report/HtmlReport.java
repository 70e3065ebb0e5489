package io.wirebench.report;

import io.wirebench.report.claims.Claims;
import io.wirebench.report.format.BarChart;
import io.wirebench.report.format.Format;
import io.wirebench.report.model.JmhResult;
import io.wirebench.report.model.LoadRun;
import io.wirebench.report.model.RunFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A run's {@code report.html}: self-contained (inline CSS and SVG charts, nothing fetched), every table of the
 * {@link ReportModel} and a chart beside each benchmark's and the load runs' tables.
 */
final class HtmlReport {
    private HtmlReport() {
    }

    static String render(ReportModel m) {
        RunFolder run = m.run();
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>wirebench report: ")
                .append(Format.html(String.valueOf(run.dir().getFileName()))).append("</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse;margin:1em 0}"
                        + "td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}td:first-child,th:first-child{text-align:left}"
                        + ".SUPPORTED{color:#080}.REFUTED{color:#b00}.INCONCLUSIVE{color:#a60}svg{margin:1em 0}pre{background:#f6f6f6;padding:1em}")
                .append("</style></head><body>\n<h1>wirebench report: ").append(Format.html(String.valueOf(run.dir().getFileName()))).append("</h1>\n");
        h.append("<h2>Answers</h2>\n<ul>\n");
        m.findings().forEach(f -> h.append("<li>").append(Format.html(f).replaceAll("\\*\\*([^*]+)\\*\\*", "<b>$1</b>")).append("</li>\n"));
        h.append("</ul>\n");
        if (!run.environment().isBlank()) {
            h.append("<details><summary>Environment</summary><pre>").append(Format.html(run.environment().strip())).append("</pre></details>\n");
        }
        if (!m.answers().isEmpty()) {
            h.append("<h2>Claims</h2>\n<table><tr><th>claim</th><th>verdict</th><th>evidence</th></tr>\n");
            for (Claims.Answer a : m.answers()) {
                h.append("<tr><td>").append(Format.html(a.claim().text())).append("</td><td class=\"").append(a.verdict()).append("\"><b>")
                        .append(a.verdict()).append("</b></td><td style=\"text-align:left\"><details><summary>").append(Format.html(a.summary()))
                        .append("</summary><ul>");
                a.evidence().forEach(e -> h.append("<li>").append(Format.html(e)).append("</li>"));
                h.append("</ul></details></td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (m.efficiency().measured()) {
            h.append("<h2>Harness efficiency: the suite against each transport's floor</h2>\n<p>").append(Format.html(ReportModel.EFFICIENCY_NOTE)).append("</p>\n")
                    .append(m.efficiency().table().html())
                    .append("<details><summary>The floors measured (peers.json)</summary>\n").append(m.floors().html()).append("</details>\n");
        }
        EvidenceTable evidence = m.evidence();
        if (!evidence.rows().isEmpty()) {
            h.append("<h2>Evidence: forks, steady state, what a gate can see</h2>\n<p>").append(Format.html(ReportModel.EVIDENCE_NOTE)).append(' ')
                    .append(evidence.trending()).append(" of ").append(evidence.rows().size()).append(" figures still trending.</p>\n<details><summary>")
                    .append(evidence.rows().size()).append(" figures</summary>\n").append(evidence.table().html()).append("</details>\n");
        }
        if (!run.problems().isEmpty()) {
            h.append("<h2>Files that could not be read</h2><ul>\n");
            run.problems().forEach((file, problem) -> h.append("<li><code>").append(Format.html(String.valueOf(run.dir().relativize(file))))
                    .append("</code>: ").append(Format.html(problem)).append("</li>\n"));
            h.append("</ul>\n");
        }
        if (run.loads().stream().anyMatch(l -> !l.faults().isEmpty())) {
            h.append("<h2>What each fault cost, by transport</h2>\n").append(m.faults().html());
        }
        if (!run.loads().isEmpty()) {
            h.append("<h2>Load runs</h2>\n").append(m.loads().html());
            List<String> labels = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (LoadRun l : run.loads()) {
                labels.add(l.scenario() + " / " + l.transport());
                values.add(l.p99());
            }
            h.append(BarChart.svg("Load runs: corrected p99 (µs)", labels, values));
        }
        for (QuestionViews.View v : m.views()) {
            h.append("<h2>").append(Format.html(v.title())).append("</h2>\n");
            v.tables().forEach(t -> h.append(t.html()));
            v.charts().forEach(h::append);
        }
        for (Comparison c : m.comparisons()) {
            h.append("<h2>").append(Format.html(c.benchmark())).append(" <small>(").append(c.mode()).append(", ").append(Format.html(c.unit())).append(")</small></h2>\n");
            h.append(ReportModel.comparison(c).html());
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
        if (!m.smoke().isEmpty()) {
            h.append("<h2>Smoke runs (").append(ReportModel.SMOKE).append(")</h2>\n<p>").append(Format.html(ReportModel.SMOKE_NOTE)).append("</p>\n");
            for (Comparison c : m.smoke()) {
                h.append("<h3>").append(Format.html(c.benchmark())).append(" <small>(").append(c.mode()).append(", ").append(Format.html(c.unit()))
                        .append("; ").append(ReportModel.SMOKE).append(")</small></h3>\n").append(ReportModel.comparison(c).html());
            }
        }
        return h.append("</body></html>\n").toString();
    }
}
