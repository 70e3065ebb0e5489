package io.wirebench.report.history;

import io.wirebench.report.format.Format;
import io.wirebench.report.model.RunEnvironment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code history.html} and {@code history.csv} from history entries: the runs in commit and date order (the
 * commit's date, then the run's), the environments they ran on (one series each: a colour, never joined to
 * another), the gate's verdict per run, then one {@link HistoryChart} per benchmark and measure, the charts that
 * hold a regression the gate flagged listed first. Self-contained, as the report is: inline CSS and SVG.
 */
final class HistoryPage {
    private final List<HistoryChart.Run> runs = new ArrayList<>();
    private final Map<String, Integer> seriesIndex = new LinkedHashMap<>();

    /** {@code last}: draw only the newest this many runs (0: every run). */
    HistoryPage(List<HistoryEntry> entries, int last) {
        List<HistoryEntry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparing(HistoryEntry::orderKey).thenComparing(HistoryEntry::run));
        if (last > 0 && ordered.size() > last) {
            ordered = ordered.subList(ordered.size() - last, ordered.size());
        }
        for (HistoryEntry e : ordered) {
            int series = seriesIndex.computeIfAbsent(e.environmentDigest(), k -> seriesIndex.size());
            runs.add(new HistoryChart.Run(e, runs.size(), series));
        }
    }

    /** How many runs the page draws. */
    int runs() {
        return runs.size();
    }

    /** The charts, by benchmark name then measure (and unit: a unit that changed starts a chart of its own). */
    Map<String, HistoryChart> charts() {
        Map<String, HistoryChart> charts = new TreeMap<>();
        for (HistoryChart.Run run : runs) {
            for (HistoryEntry.Point p : run.entry().figures()) {
                charts.computeIfAbsent(title(p), t -> new HistoryChart(t, p.unit() + (p.direction().equals("lower") ? ", lower is better" : ", higher is better"), runs))
                        .add(run, p);
            }
        }
        return charts;
    }

    /** A chart's title: the figure's name, what it measures and the unit. */
    static String title(HistoryEntry.Point p) {
        return p.name() + " · " + p.measure() + " (" + p.unit() + ")";
    }

    /** The titles of the charts with a point the gate flagged as a regression, in the order of the page. */
    List<String> flagged() {
        Set<String> titles = new TreeSet<>();
        for (HistoryChart.Run run : runs) {
            for (HistoryEntry.Point p : run.entry().figures()) {
                if (p.gate() != null && p.gate().regression()) {
                    titles.add(title(p));
                }
            }
        }
        return List.copyOf(titles);
    }

    String html(String command) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>wirebench history</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:90em}table{border-collapse:collapse;margin:1em 0}"
                        + "td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}.regression{color:#b00}svg{margin:0.5em 0}"
                        + "code{background:#f6f6f6}.charts{display:flex;flex-wrap:wrap;gap:0 1em}.swatch{display:inline-block;width:10px;height:10px;margin-right:4px}")
                .append("</style></head><body>\n<h1>wirebench history</h1>\n<p>")
                .append(runs.size()).append(" runs on ").append(seriesIndex.size()).append(" environment(s), in commit and date order. Made by <code>")
                .append(Format.html(command)).append("</code>. Each point is a run's figure with its fork-level interval (95%, Student's t over the forks);"
                        + " a grey band is the regression gate's quiet zone for that run (the baseline as that run's machine ran, after the module's drift,"
                        + " ± the threshold); a red ring marks a regression the gate flagged, a green one an improvement. Runs from different"
                        + " environments are separate series, never joined.</p>\n");
        h.append("<h2>Environments</h2>\n<table><tr><th>series</th><th>digest</th>");
        List<String> seriesKeys = HistoryEntry.seriesKeys(runs.stream().map(r -> r.entry().environment()).toList());
        seriesKeys.forEach(k -> h.append("<th>").append(Format.html(k)).append("</th>"));
        h.append("</tr>\n");
        seriesIndex.forEach((digest, index) -> {
            HistoryEntry first = runs.stream().filter(r -> r.series() == index).findFirst().orElseThrow().entry();
            h.append("<tr><td><span class=\"swatch\" style=\"background:").append(HistoryChart.COLOURS[index % HistoryChart.COLOURS.length])
                    .append("\"></span>").append(index + 1).append("</td><td><code>").append(digest).append("</code></td>");
            RunEnvironment environment = RunEnvironment.of(first.environment());
            seriesKeys.forEach(k -> h.append("<td>").append(Format.html(Objects.requireNonNullElse(environment.get(k), ""))).append("</td>"));
            h.append("</tr>\n");
        });
        h.append("</table>\n<h2>Runs</h2>\n<table><tr><th>#</th><th>run</th><th>date</th><th>commit</th><th>series</th><th>gate</th>"
                + "<th>regressions</th><th>improvements</th><th>drift taken out</th></tr>\n");
        for (HistoryChart.Run run : runs) {
            HistoryEntry e = run.entry();
            long regressions = e.figures().stream().filter(p -> p.gate() != null && p.gate().regression()).count();
            long improvements = e.figures().stream().filter(p -> p.gate() != null && p.gate().improvement()).count();
            h.append("<tr><td>").append(run.x() + 1).append("</td><td>").append(Format.html(e.run())).append("</td><td>").append(Format.html(e.date()))
                    .append("</td><td><code>").append(Format.html(e.shortCommit())).append("</code></td><td>").append(run.series() + 1).append("</td><td")
                    .append(e.gate() != null && e.gate().exit() == 1 ? " class=\"regression\"" : "").append(">")
                    .append(e.gate() == null ? "not judged" : Format.html(e.gate().verdict() + " (exit " + e.gate().exit() + ", against " + e.gate().baseline() + ")"))
                    .append("</td><td>").append(e.gate() == null ? "" : regressions).append("</td><td>").append(e.gate() == null ? "" : improvements)
                    .append("</td><td>").append(e.gate() == null || e.gate().drift() == null ? "" : Format.html(drift(e.gate().drift()))).append("</td></tr>\n");
        }
        h.append("</table>\n");
        Map<String, HistoryChart> charts = charts();
        List<String> flagged = flagged();
        if (!flagged.isEmpty()) {
            h.append("<h2 class=\"regression\">Flagged by the gate</h2>\n");
            h.append("<div class=\"charts\">\n");
            flagged.forEach(title -> h.append(charts.get(title).svg()));
            h.append("</div>\n");
        }
        h.append("<h2>Every figure</h2>\n<div class=\"charts\">\n");
        charts.forEach((title, chart) -> {
            if (!flagged.contains(title)) {
                h.append(chart.svg());
            }
        });
        h.append("</div>\n");
        return h.append("</body></html>\n").toString();
    }

    /** One row per run and figure: where, when, the value and its interval, and the gate's judgement. */
    String csv() {
        StringBuilder c = new StringBuilder("run,date,commit,commit_date,environment_digest,benchmark,measure,unit,direction,value,low,high,"
                + "gate_baseline,gate_expected,gate_threshold,gate_change\n");
        for (HistoryChart.Run run : runs) {
            HistoryEntry e = run.entry();
            for (HistoryEntry.Point p : e.figures()) {
                HistoryEntry.Judgement j = p.gate();
                c.append(String.join(",", Format.csv(e.run()), e.date(), e.commit() == null ? "" : e.commit(), e.commitDate() == null ? "" : e.commitDate(),
                        e.environmentDigest(), Format.csv(p.name()), Format.csv(p.measure()), Format.csv(p.unit()), p.direction(), number(p.value()),
                        p.low() == null ? "" : number(p.low()), p.high() == null ? "" : number(p.high()),
                        j == null ? "" : number(j.baseline()), j == null ? "" : number(j.expected()), j == null ? "" : number(j.threshold()),
                        j == null ? "" : j.change())).append('\n');
            }
        }
        return c.toString();
    }

    private static String number(double v) {
        return Double.toString(v);
    }

    private static String drift(Map<String, Double> drift) {
        List<String> parts = new ArrayList<>();
        drift.forEach((module, factor) -> parts.add(module + " ×" + String.format(Locale.ROOT, "%.3f", factor)));
        return String.join(", ", parts);
    }
}
