package io.wirebench.report.format;

import io.wirebench.report.model.Figure;
import io.wirebench.report.model.JmhResult;
import io.wirebench.report.model.Metric;
import java.util.Locale;

/**
 * How the report writes a figure and escapes text, for every output that shows figures: the three report
 * formats, the charts and the gate. Numbers get three significant digits or so ({@link #num}); a figure
 * from forks carries its interval ({@link #score}); text is escaped for the place it goes ({@link #html},
 * {@link #markdown}, {@link #csv}).
 */
public final class Format {
    /** Fewer samples than this and the p99 is one of the few largest samples: marked ⚠. */
    public static final long MIN_SAMPLES_P99 = 1_000;

    private Format() {
    }

    public static String num(double v) {
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
    public static String score(JmhResult r, String metric) {
        return Figure.of(r, metric).cell(Format::num);
    }

    /** A result's primary figure, and for a {@code sample} run its p50 and p99 (⚠ from too few samples). */
    public static String cell(JmhResult r) {
        String s = score(r, "primary");
        if ("sample".equals(r.mode())) {
            Metric p50 = r.metric("p0.50");
            Metric p99 = r.metric("p0.99");
            if (p50 != null && p99 != null) {
                s += " (p50 " + num(p50.score()) + ", p99 " + num(p99.score()) + (r.samples() >= 0 && r.samples() < MIN_SAMPLES_P99 ? " ⚠" : "") + ")";
            }
        }
        return s;
    }

    /** A ratio {point, low, high} as "1.50x [1.20, 1.80]"; empty when there is none. */
    public static String ratio(double[] r) {
        if (Double.isNaN(r[0])) {
            return "";
        }
        if (Double.isNaN(r[1]) || Double.isNaN(r[2])) {
            return num(r[0]) + "x (no interval)";
        }
        return num(r[0]) + "x [" + num(r[1]) + ", " + (Double.isInfinite(r[2]) ? "no upper bound" : num(r[2])) + "]";
    }

    public static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Text for a Markdown table cell: a bar would end the cell, a line break the row. */
    public static String markdown(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    /** A CSV field, quoted when it holds a comma, a quote or a line break. */
    public static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
