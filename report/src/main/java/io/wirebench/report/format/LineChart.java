package io.wirebench.report.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * An x-y chart as inline SVG: one series per name, drawn as points joined by lines (or points only, for a
 * scatter), each axis linear or logarithmic; or with named x positions (such as p50, p90, p99) spaced
 * evenly. Points that are not finite and positive on a logarithmic axis are left out.
 */
public final class LineChart {
    private static final int WIDTH = 560;
    private static final int HEIGHT = 280;
    private static final int LEFT = 70;
    private static final int TOP = 40;
    private static final int LEGEND = 190;
    public static final String[] COLOURS = {"#4a7ab7", "#d0643a", "#3a9a5b", "#8e5bb5", "#b59a2b", "#3aa3b5", "#b53a6e", "#666666"};

    /** One point: x, y. */
    record Point(double x, double y) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logX;
    private final boolean logY;
    private final boolean joined;
    private final List<String> xNames;
    private final Map<String, List<Point>> series = new LinkedHashMap<>();

    private LineChart(String title, String xLabel, String yLabel, boolean logX, boolean logY, boolean joined, List<String> xNames) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logX = logX;
        this.logY = logY;
        this.joined = joined;
        this.xNames = xNames;
    }

    /** Lines over a numeric x axis. */
    public static LineChart lines(String title, String xLabel, String yLabel, boolean logX, boolean logY) {
        return new LineChart(title, xLabel, yLabel, logX, logY, true, List.of());
    }

    /** Points only, over a numeric x axis. */
    public static LineChart scatter(String title, String xLabel, String yLabel, boolean logX, boolean logY) {
        return new LineChart(title, xLabel, yLabel, logX, logY, false, List.of());
    }

    /** Lines over named x positions, evenly spaced: a point's x is the index of its name. */
    public static LineChart overNames(String title, List<String> xNames, String yLabel, boolean logY) {
        return new LineChart(title, "", yLabel, false, logY, true, List.copyOf(xNames));
    }

    public LineChart add(String name, double x, double y) {
        if (Double.isFinite(x) && Double.isFinite(y) && (!logX || x > 0) && (!logY || y > 0)) {
            series.computeIfAbsent(name, k -> new ArrayList<>()).add(new Point(x, y));
        }
        return this;
    }

    public boolean isEmpty() {
        return series.values().stream().mapToInt(List::size).sum() < 2;
    }

    public String svg() {
        if (isEmpty()) {
            return "";
        }
        double[] xs = range(true);
        double[] ys = range(false);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%d\" height=\"%d\" font-size=\"11\" font-family=\"sans-serif\">",
                LEFT + WIDTH + LEGEND, TOP + HEIGHT + 44));
        s.append("<title>").append(Format.html(title)).append("</title>");
        s.append("<text x=\"0\" y=\"14\" font-weight=\"bold\">").append(Format.html(title)).append("</text>");
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>", LEFT, TOP, WIDTH, HEIGHT));
        // x ticks at the points' own x values when there are a few, else the ends and the middle of the axis
        // (for a log axis, the geometric middle); y ticks likewise at the ends and the middle; or the names
        if (xNames.isEmpty()) {
            TreeSet<Double> distinct = new TreeSet<>();
            series.values().forEach(points -> points.forEach(p -> distinct.add(p.x())));
            for (double x : distinct.size() <= 8 ? List.copyOf(distinct) : ticks(xs, logX)) {
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", px(x, xs), TOP + HEIGHT + 14,
                        Format.num(x)));
            }
        } else {
            for (int i = 0; i < xNames.size(); i++) {
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", px(i, xs), TOP + HEIGHT + 14,
                        Format.html(xNames.get(i))));
            }
        }
        for (double y : ticks(ys, logY)) {
            double py = py(y, ys);
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", LEFT - 4, py + 4, Format.num(y)));
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>", LEFT, LEFT + WIDTH, py, py));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>", LEFT + WIDTH / 2, TOP + HEIGHT + 32,
                Format.html(xLabel + (logX ? " (log scale)" : ""))));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", LEFT, TOP - 8, Format.html(yLabel + (logY ? " (log scale)" : ""))));
        int k = 0;
        for (Map.Entry<String, List<Point>> e : series.entrySet()) {
            String colour = COLOURS[k % COLOURS.length];
            List<Point> points = new ArrayList<>(e.getValue());
            points.sort((a, b) -> Double.compare(a.x(), b.x()));
            if (joined && points.size() > 1) {
                StringBuilder path = new StringBuilder();
                for (Point p : points) {
                    path.append(String.format(Locale.ROOT, "%.1f,%.1f ", px(p.x(), xs), py(p.y(), ys)));
                }
                s.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" points=\"").append(path.toString().strip()).append("\"/>");
            }
            for (Point p : points) {
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s: %s, %s</title></circle>",
                        px(p.x(), xs), py(p.y(), ys), colour, Format.html(e.getKey()),
                        xNames.isEmpty() ? Format.num(p.x()) : Format.html(xNames.get((int) p.x())), Format.num(p.y())));
            }
            int ly = TOP + 10 + 16 * k;
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>",
                    LEFT + WIDTH + 12, ly - 9, colour, LEFT + WIDTH + 26, ly, Format.html(e.getKey())));
            k++;
        }
        return s.append("</svg>\n").toString();
    }

    private double[] range(boolean x) {
        if (x && !xNames.isEmpty()) {
            return new double[] {-0.5, xNames.size() - 0.5};
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (List<Point> points : series.values()) {
            for (Point p : points) {
                double v = x ? p.x() : p.y();
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        boolean log = x ? logX : logY;
        if (!log && !x) {
            lo = Math.min(0, lo); // a linear y axis starts at zero, so heights compare
        }
        if (hi <= lo) {
            hi = log ? lo * 10 : lo + 1;
        }
        if (log) {
            return new double[] {lo / 1.2, hi * 1.2};
        }
        double pad = (hi - lo) * 0.05;
        return new double[] {x ? lo - pad : lo, hi + pad};
    }

    private static List<Double> ticks(double[] r, boolean log) {
        double mid = log ? Math.sqrt(r[0] * r[1]) : (r[0] + r[1]) / 2;
        return List.of(r[0], mid, r[1]);
    }

    private double px(double x, double[] r) {
        return LEFT + WIDTH * fraction(x, r, logX && xNames.isEmpty());
    }

    private double py(double y, double[] r) {
        return TOP + HEIGHT * (1 - fraction(y, r, logY));
    }

    private static double fraction(double v, double[] r, boolean log) {
        return log ? Math.log(v / r[0]) / Math.log(r[1] / r[0]) : (v - r[0]) / (r[1] - r[0]);
    }
}
