package io.wirebench.report.gate;

import io.wirebench.report.format.Format;
import io.wirebench.report.gate.RegressionGate.Change;
import io.wirebench.report.gate.RegressionGate.Outcome;
import io.wirebench.report.gate.RegressionGate.Row;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The regression gate's outcome as Markdown: the verdict in a sentence, the drift, what was incomplete or not comparable, the regressions and improvements, the rest folded. */
final class GateMarkdown {

    private GateMarkdown() {
    }

    static String percent(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    static String render(Outcome o) {
        StringBuilder md = new StringBuilder(o.across().isEmpty() ? "# wirebench regression gate\n\n" : "# wirebench comparison\n\n");
        String verdict = switch (o.exitCode()) {
            case 0 -> "**No regression** (exit 0)";
            case 1 -> "**Regression** (exit 1)";
            case RegressionGate.INCOMPLETE -> "**Incomplete** (exit 3: no regression in what could be compared, but not everything could be)";
            default -> "**Not comparable** (exit 2)";
        };
        md.append(verdict).append(": ").append(o.rows().stream().filter(r -> r.change() == Change.REGRESSION).count()).append(" regressions, ")
                .append(o.rows().stream().filter(r -> r.change() == Change.IMPROVEMENT).count()).append(" improvements, ")
                .append(o.rows().stream().filter(r -> r.change() == Change.NO_SIGNIFICANT_CHANGE).count()).append(" with no significant change, ")
                .append(o.added().size()).append(" added, ").append(o.removed().size()).append(" removed.\n\n");
        if (!o.across().isEmpty()) {
            md.append("Compared across (allowed to differ; every change below may be theirs): ")
                    .append(String.join("; ", o.across())).append("\n\n");
        }
        if (!o.drift().isEmpty()) {
            md.append("Drift between the runs, by module (median current/baseline time of its benchmarks; each benchmark's change "
                    + "below is measured against it, its current figure is as measured): ");
            StringBuilder modules = new StringBuilder();
            o.drift().forEach((module, factor) -> modules.append(modules.length() == 0 ? "" : ", ").append(module).append(' ')
                    .append(String.format(Locale.ROOT, "×%.3f (%+.1f%%)", factor, 100 * (factor - 1))));
            md.append(modules).append(". A change common to a whole module looks like drift here.\n\n");
        }
        if (!o.incomplete().isEmpty()) {
            md.append("## Incomplete\n\n");
            o.incomplete().forEach(n -> md.append("- ").append(Format.markdown(n)).append('\n'));
            md.append('\n');
        }
        if (!o.notComparable().isEmpty()) {
            md.append("## Not comparable\n\n");
            o.notComparable().forEach(n -> md.append("- ").append(n).append('\n'));
            md.append('\n');
        }
        for (Change kind : new Change[] {Change.REGRESSION, Change.IMPROVEMENT}) {
            List<Row> rows = o.rows().stream().filter(r -> r.change() == kind).toList();
            if (rows.isEmpty()) {
                continue;
            }
            md.append(kind == Change.REGRESSION ? "## Regressions\n\n" : "## Improvements\n\n");
            md.append("| benchmark | metric | baseline | current | change | threshold | min. detectable | p (Welch, one-sided) |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
            for (Row r : rows) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s %s | %s %s | %+.1f%% | %.0f%% | %s | %.2g |%n", Format.markdown(r.key()), r.metric(),
                        Format.num(r.baseline()), r.unit(), Format.num(r.current()), r.unit(), 100 * r.relative(), 100 * r.threshold(),
                        percent(r.mdc()), r.p()));
            }
            md.append('\n');
        }
        List<Row> quiet = o.rows().stream().filter(r -> r.change() == Change.NO_SIGNIFICANT_CHANGE || r.change() == Change.NOT_GATED).toList();
        if (!quiet.isEmpty()) {
            md.append("<details><summary>No significant change (").append(quiet.size()).append(")</summary>\n\n")
                    .append("| benchmark | metric | change | p | can see (80% power) |\n|---|---|---:|---:|---:|\n");
            for (Row r : quiet) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %+.1f%% | %.2g | %s |%n", Format.markdown(r.key()), r.metric(), 100 * r.relative(), r.p(),
                        Double.isNaN(r.mdc()) ? "" : "≥ " + percent(r.visible())));
            }
            md.append("</details>\n\n");
        }
        if (!o.added().isEmpty()) {
            md.append("Added (no baseline): ").append(o.added().stream().map(k -> "`" + k + "`").collect(Collectors.joining(", "))).append("\n\n");
        }
        if (!o.removed().isEmpty()) {
            md.append("Removed (in the baseline only): ").append(o.removed().stream().map(k -> "`" + k + "`").collect(Collectors.joining(", "))).append("\n\n");
        }
        o.problems().forEach((file, problem) -> md.append("Unreadable: `").append(file).append("`: ").append(problem).append('\n'));
        return md.toString();
    }
}
