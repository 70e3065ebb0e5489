package io.wirebench.report.format;

import java.util.List;
import java.util.Locale;

/** A horizontal bar chart as inline SVG: one bar per label, scaled to the largest finite value. */
public final class BarChart {
    public static final int MAX_BARS = 40;
    private static final int BAR = 16;
    private static final int LABEL = 330;
    private static final int WIDTH = 420;

    private BarChart() {
    }

    public static String svg(String title, List<String> labels, List<Double> values) {
        double max = values.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).max().orElse(0);
        if (labels.isEmpty() || !(max > 0)) {
            return "";
        }
        int height = 24 + labels.size() * (BAR + 4);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%d\" height=\"%d\" font-size=\"11\" font-family=\"sans-serif\">",
                LABEL + WIDTH + 90, height));
        s.append("<title>").append(Format.html(title)).append("</title>");
        s.append("<text x=\"0\" y=\"14\" font-weight=\"bold\">").append(Format.html(title)).append("</text>");
        for (int i = 0; i < labels.size(); i++) {
            double v = values.get(i);
            int y = 24 + i * (BAR + 4);
            int w = Double.isFinite(v) ? (int) Math.round(WIDTH * Math.max(0, v) / max) : 0;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", LABEL - 6, y + 12,
                    Format.html(labels.get(i))));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#4a7ab7\"/>", LABEL, y, w, BAR));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", LABEL + w + 4, y + 12, Format.num(v)));
        }
        return s.append("</svg>\n").toString();
    }
}
