package io.wirebench.report;

import io.wirebench.report.claims.Claims;
import io.wirebench.report.format.Format;
import io.wirebench.report.format.Table;
import io.wirebench.report.model.JmhResult;
import io.wirebench.report.model.RunFolder;
import java.util.List;

/**
 * A run's {@code report.md}: GitHub-flavoured, under {@value #LIMIT} characters so it fits a pull request's
 * comment (large tables folded, and left out with a pointer to report.html and report.csv when they would
 * not fit). Rows that cannot be trusted carry a mark: a percentile from too few samples, a load run over its
 * error budget, a load run whose rate and latency break Little's law for its concurrency.
 */
final class MarkdownReport {
    static final int LIMIT = 60_000;

    private MarkdownReport() {
    }

    static String render(ReportModel m) {
        RunFolder run = m.run();
        StringBuilder md = new StringBuilder();
        md.append("# wirebench report: ").append(run.dir().getFileName()).append("\n\n");
        md.append("## Answers\n\n");
        m.findings().forEach(f -> md.append("- ").append(f).append('\n'));
        md.append('\n');
        if (!run.environment().isBlank()) {
            md.append("<details><summary>Environment</summary>\n\n```\n").append(run.environment().strip()).append("\n```\n</details>\n\n");
        }
        md.append("Marks: ⚠ a p99 from fewer than ").append(Format.MIN_SAMPLES_P99).append(" samples; ⛔ a load run that did not pass (its books unbalanced,"
                + " over its error budget, its sender behind its schedule, or over its latency limit); ⚖ rate × latency above the concurrency the run allowed (Little's law: a load run's, or a round trip's throughput and mean latency at the same callers).\n"
                + "Intervals: 95% Student's t over forks (a fork is one JVM, the unit of evidence; its value is the mean of its iterations, or for a percentile its own percentile); none under 3 forks, and then no verdict. A ratio's interval: t over the paired fork ratios when both settings ran interleaved in one schedule, else from both sets of forks on the log scale (Welch). JMH's score error is never used. ⏳ a figure whose forks were still trending (Mann-Kendall over its measurement iterations): it carries no verdict.\n\n");
        if (!m.answers().isEmpty()) {
            md.append("## Claims\n\n| claim | verdict | evidence |\n|---|---|---|\n");
            for (Claims.Answer a : m.answers()) {
                md.append("| ").append(Format.markdown(a.claim().text())).append(" | **").append(a.verdict()).append("** | ")
                        .append(Format.markdown(a.summary())).append(" ([all of it](#evidence-of-").append(a.claim().id()).append(")) |\n");
            }
            md.append("\n<details><summary>The claims' evidence, point by point</summary>\n\n");
            for (Claims.Answer a : m.answers()) {
                md.append("### Evidence of ").append(a.claim().id()).append("\n\n");
                a.evidence().forEach(e -> md.append("- ").append(Format.markdown(e)).append('\n'));
                md.append('\n');
            }
            md.append("</details>\n\n");
        }
        if (m.efficiency().measured()) {
            md.append("## Harness efficiency: the suite against each transport's floor\n\n").append(ReportModel.EFFICIENCY_NOTE).append("\n\n")
                    .append(m.efficiency().table().markdown()).append('\n').append("<details><summary>The floors measured (peers.json)</summary>\n\n")
                    .append(m.floors().markdown()).append("\n</details>\n\n");
        }
        EvidenceTable evidence = m.evidence();
        if (!evidence.rows().isEmpty()) {
            md.append("## Evidence: forks, steady state, what a gate can see\n\n").append(ReportModel.EVIDENCE_NOTE).append(' ')
                    .append(evidence.trending()).append(" of ").append(evidence.rows().size()).append(" figures still trending.\n\n");
            String table = evidence.table().markdown();
            md.append(table.length() > 40_000 ? "The table has " + evidence.rows().size() + " rows: in report.html.\n\n"
                    : "<details><summary>" + evidence.rows().size() + " figures</summary>\n\n" + table + "\n</details>\n\n");
        }
        if (!run.problems().isEmpty()) {
            md.append("## Files that could not be read\n\n");
            run.problems().forEach((file, problem) -> md.append("- `").append(run.dir().relativize(file)).append("`: ").append(Format.markdown(problem)).append('\n'));
            md.append('\n');
        }
        if (!run.loads().isEmpty()) {
            md.append("## Load runs (open loop, latency from intended send time)\n\n").append(m.loads().markdown()).append('\n');
        }
        if (run.loads().stream().anyMatch(l -> !l.books().isEmpty())) {
            md.append("## The load runs' books (a run whose books do not balance fails)\n\n").append(m.books().markdown()).append('\n');
        }
        if (run.loads().stream().anyMatch(l -> !l.faults().isEmpty())) {
            md.append("## What each fault cost, by transport\n\n").append(m.faults().markdown()).append('\n');
        }
        int budget = LIMIT - md.length() - 2_000;
        if (!m.views().isEmpty()) {
            md.append("## The suite's questions, side by side (charts in report.html)\n\n");
            for (QuestionViews.View v : m.views()) {
                if (v.tables().isEmpty()) {
                    md.append("- ").append(v.title()).append(": charts only, in report.html\n\n");
                    continue;
                }
                String block = "<details><summary>" + Format.markdown(v.title()) + "</summary>\n\n" + v.markdown() + "\n</details>\n\n";
                if (block.length() > budget / 2) {
                    md.append("- ").append(v.title()).append(": left out here to keep this report short; in report.html\n\n");
                    continue;
                }
                md.append(block);
                budget -= block.length();
            }
        }
        if (!m.comparisons().isEmpty()) {
            md.append("## Benchmarks\n\n");
            List<String> blocks = m.comparisons().stream().map(MarkdownReport::block).toList();
            boolean summarised = blocks.stream().mapToInt(String::length).sum() > budget;
            if (summarised) {
                // too long for one page: a summary row for every benchmark first, so none is dropped; the details folded below as they fit
                String summary = summary(m.comparisons()).markdown();
                md.append("Every benchmark in one row (the full tables would pass ").append(LIMIT).append(" characters; every figure is in report.csv and"
                        + " report.html):\n\n").append(summary).append('\n');
                budget -= summary.length();
            }
            int leftOut = 0;
            for (int i = 0; i < blocks.size(); i++) {
                Comparison c = m.comparisons().get(i);
                String block = blocks.get(i);
                if (block.length() > budget) {
                    if (summarised) {
                        leftOut++;
                        continue;
                    }
                    md.append("- ").append(c.benchmark()).append(" (").append(c.mode()).append("): left out here to keep this"
                            + " report under ").append(LIMIT).append(" characters; every figure is in report.csv\n");
                    budget -= 200;
                    continue;
                }
                md.append(block);
                budget -= block.length();
            }
            if (leftOut > 0) {
                md.append("\nThe full tables of ").append(leftOut).append(" benchmarks are left out here (their rows are in the summary above;"
                        + " every figure is in report.csv and report.html).\n\n");
            }
        }
        if (!m.smoke().isEmpty()) {
            md.append("## Smoke runs (").append(ReportModel.SMOKE).append(")\n\n").append(ReportModel.SMOKE_NOTE).append("\n\n");
            for (Comparison c : m.smoke()) {
                String block = "<details><summary>" + Format.markdown(c.benchmark()) + " (" + c.mode() + ", " + Format.markdown(c.unit()) + "; "
                        + ReportModel.SMOKE + ")</summary>\n\n" + ReportModel.comparison(c).markdown() + "\n</details>\n\n";
                if (block.length() > budget) {
                    md.append("- ").append(c.benchmark()).append(" (").append(c.mode()).append("; ").append(ReportModel.SMOKE)
                            .append("): in report.html and report.csv\n");
                    budget -= 200;
                    continue;
                }
                md.append(block);
                budget -= block.length();
            }
        }
        return md.toString();
    }

    private static String block(Comparison c) {
        return "<details><summary>" + Format.markdown(c.benchmark()) + " (" + c.mode() + ", " + Format.markdown(c.unit()) + ")</summary>\n\n"
                + ReportModel.comparison(c).markdown() + "\n</details>\n\n";
    }

    /** One row per benchmark: its mode and unit, how many settings it ran, and the lowest and highest of its figures. */
    static Table summary(List<Comparison> comparisons) {
        Table table = new Table("lllrrr", "benchmark", "mode", "unit", "results", "lowest", "highest");
        for (Comparison c : comparisons) {
            List<JmhResult> results = c.rows().values().stream().flatMap(r -> r.values().stream()).toList();
            double low = results.stream().mapToDouble(r -> r.primary().score()).min().orElse(Double.NaN);
            double high = results.stream().mapToDouble(r -> r.primary().score()).max().orElse(Double.NaN);
            table.row(c.benchmark(), c.mode(), c.unit(), results.size(), Format.num(low), Format.num(high));
        }
        return table;
    }
}
