package io.wirebench.report.history;

import io.wirebench.report.format.Format;
import io.wirebench.report.format.LineChart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One benchmark's figure over the runs, as inline SVG: the x axis is the runs in order (the same for every chart
 * of a page, so a change can be lined up across benchmarks), each point its run's value with the fork-level
 * interval as a bar, points of one series (one environment) joined by a line and never joined to another
 * series' points. Where the gate judged the run, a grey band spans the gate's quiet zone (the baseline as that
 * run's machine ran, ± the threshold) with a dash at the baseline; a regression the gate flagged is ringed in
 * red, an improvement in green.
 */
final class HistoryChart {
    private static final int WIDTH = 560;
    private static final int HEIGHT = 220;
    private static final int LEFT = 70;
    private static final int TOP = 36;
    private static final int MAX_LABELS = 12;
    /** The report's series colours, so a page of charts reads like the report. */
    static final String[] COLOURS = LineChart.COLOURS;

    /** A run on the x axis: its position, its label, and the index of its series' colour. */
    record Run(HistoryEntry entry, int x, int series) {
    }

    /** One point of this chart: the run it belongs to and its figure. */
    record Mark(Run run, HistoryEntry.Point point) {
    }

    private final String title;
    private final String unit;
    private final List<Run> runs;
    private final List<Mark> marks = new ArrayList<>();

    HistoryChart(String title, String unit, List<Run> runs) {
        this.title = title;
        this.unit = unit;
        this.runs = List.copyOf(runs);
    }

    HistoryChart add(Run run, HistoryEntry.Point point) {
        marks.add(new Mark(run, point));
        return this;
    }

    String svg() {
        double[] ys = range();
        int n = runs.size();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"history\" width=\"%d\" height=\"%d\" font-size=\"11\" font-family=\"sans-serif\">",
                LEFT + WIDTH + 10, TOP + HEIGHT + 40));
        s.append("<title>").append(Format.html(title)).append("</title>");
        s.append("<text x=\"0\" y=\"14\" font-weight=\"bold\">").append(Format.html(title)).append("</text>");
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", LEFT, TOP - 8, Format.html(unit)));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>", LEFT, TOP, WIDTH, HEIGHT));
        for (double y : new double[] {ys[0], (ys[0] + ys[1]) / 2, ys[1]}) {
            double py = py(y, ys);
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", LEFT - 4, py + 4, Format.num(y)));
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>", LEFT, LEFT + WIDTH, py, py));
        }
        int every = Math.max(1, (n + MAX_LABELS - 1) / MAX_LABELS);
        for (Run run : runs) {
            if (run.x() % every == 0 || run.x() == n - 1) {
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", px(run.x(), n), TOP + HEIGHT + 14,
                        Format.html(run.entry().shortCommit())));
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#666\">%s</text>", px(run.x(), n),
                        TOP + HEIGHT + 27, Format.html(dayAndTime(run.entry().date()))));
            }
        }
        double slot = (double) WIDTH / n;
        for (Mark m : marks) {
            HistoryEntry.Judgement j = m.point().gate();
            if (j == null) {
                continue;
            }
            double cx = px(m.run().x(), n);
            double hi = py(j.expected() * (1 + j.threshold()), ys);
            double lo = py(j.expected() * (1 - j.threshold()), ys);
            s.append(String.format(Locale.ROOT, "<rect class=\"band\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#ddd\" fill-opacity=\"0.7\">"
                            + "<title>gate: quiet within %s ± %s%%</title></rect>", cx - slot * 0.4, hi, slot * 0.8, lo - hi, Format.num(j.expected()),
                    Format.num(100 * j.threshold())));
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#888\" stroke-dasharray=\"3,2\"/>",
                    cx - slot * 0.4, cx + slot * 0.4, py(j.expected(), ys), py(j.expected(), ys)));
        }
        Map<Integer, List<Mark>> bySeries = new LinkedHashMap<>();
        marks.forEach(m -> bySeries.computeIfAbsent(m.run().series(), k -> new ArrayList<>()).add(m));
        bySeries.forEach((series, points) -> {
            String colour = COLOURS[series % COLOURS.length];
            points.sort((a, b) -> Integer.compare(a.run().x(), b.run().x()));
            if (points.size() > 1) {
                StringBuilder path = new StringBuilder();
                points.forEach(m -> path.append(String.format(Locale.ROOT, "%.1f,%.1f ", px(m.run().x(), n), py(m.point().value(), ys))));
                s.append("<polyline class=\"series\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" points=\"")
                        .append(path.toString().strip()).append("\"/>");
            }
            for (Mark m : points) {
                HistoryEntry.Point p = m.point();
                double cx = px(m.run().x(), n);
                if (p.hasInterval()) {
                    double top = py(p.high(), ys);
                    double bottom = py(p.low(), ys);
                    s.append(String.format(Locale.ROOT, "<path class=\"interval\" d=\"M%.1f %.1fV%.1fM%.1f %.1fH%.1fM%.1f %.1fH%.1f\" stroke=\"%s\" fill=\"none\"/>",
                            cx, top, bottom, cx - 3, top, cx + 3, cx - 3, bottom, cx + 3, colour));
                }
                HistoryEntry.Judgement j = p.gate();
                if (j != null && (j.regression() || j.improvement())) {
                    s.append(String.format(Locale.ROOT, "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>",
                            j.change(), cx, py(p.value(), ys), j.regression() ? "#c0392b" : "#27ae60"));
                }
                s.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s</title></circle>",
                        cx, py(p.value(), ys), colour, Format.html(tooltip(m))));
            }
        });
        return s.append("</svg>\n").toString();
    }

    private String tooltip(Mark m) {
        HistoryEntry e = m.run().entry();
        HistoryEntry.Point p = m.point();
        StringBuilder t = new StringBuilder(e.run()).append(" (").append(e.shortCommit()).append(", ").append(e.date()).append("): ")
                .append(Format.num(p.value())).append(' ').append(p.unit());
        t.append(p.hasInterval() ? " [" + Format.num(p.low()) + ", " + Format.num(p.high()) + "]" : " (no interval: under 3 forks)");
        if (p.gate() != null) {
            t.append("; gate: ").append(p.gate().change().replace('_', ' ')).append(", baseline ").append(Format.num(p.gate().baseline()))
                    .append(" (as this run's machine ran: ").append(Format.num(p.gate().expected())).append("), threshold ")
                    .append(Format.num(100 * p.gate().threshold())).append('%');
        }
        return t.toString();
    }

    /** The y range: every value, interval and band, with a little room; a single value gets ±10%. */
    private double[] range() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Mark m : marks) {
            HistoryEntry.Point p = m.point();
            List<Double> ys = new ArrayList<>(List.of(p.value()));
            if (p.hasInterval()) {
                ys.add(p.low());
                ys.add(p.high());
            }
            if (p.gate() != null) {
                ys.add(p.gate().expected() * (1 - p.gate().threshold()));
                ys.add(p.gate().expected() * (1 + p.gate().threshold()));
            }
            for (double y : ys) {
                lo = Math.min(lo, y);
                hi = Math.max(hi, y);
            }
        }
        if (!(hi > lo)) {
            double v = Double.isFinite(lo) ? Math.abs(lo) : 1;
            lo -= v == 0 ? 1 : v * 0.1;
            hi += v == 0 ? 1 : v * 0.1;
        }
        double pad = (hi - lo) * 0.05;
        return new double[] {lo - pad, hi + pad};
    }

    /** "12-02 14:10" of "2026-12-02T14:10:59Z": a nightly's runs differ by day, runs made by hand by the hour. */
    static String dayAndTime(String date) {
        return date.length() >= 16 ? date.substring(5, 16).replace('T', ' ') : date;
    }

    private static double px(int x, int n) {
        return LEFT + WIDTH * (x + 0.5) / n;
    }

    private static double py(double y, double[] ys) {
        return TOP + HEIGHT - HEIGHT * (y - ys[0]) / (ys[1] - ys[0]);
    }
}
