package io.wirebench.report;

import io.wirebench.report.format.BarChart;
import io.wirebench.report.format.Format;
import io.wirebench.report.format.LineChart;
import io.wirebench.report.format.Table;
import io.wirebench.report.model.Figure;
import io.wirebench.report.model.JmhResult;
import io.wirebench.report.model.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The suite's questions answered side by side from one run's JMH results, each as a table (Markdown) and
 * charts (SVG), present only when the run holds the results it needs:
 * <ul>
 *   <li>transports side by side: per shape and caller count, each transport's p50, p99 and mean latency of
 *       a round trip, the mean's ratio to HTTP with its interval, the throughput at the same caller count
 *       (marked when it and the mean latency break Little's law) and the allocation per request; with a
 *       chart of the latency percentiles per transport;</li>
 *   <li>placement: every benchmark run both with its service colocated and split, side by side with split's ratio;</li>
 *   <li>throughput against concurrency: every throughput benchmark run at two caller counts or more;</li>
 *   <li>codecs: per shape each codec's encode and decode time and wire size, with a chart of time against
 *       wire size;</li>
 *   <li>validation's share: per shape, Hibernate Validator's time as a share of decoding and validating a
 *       valid order, and in the order pipeline the validation stage as a share of the whole request.</li>
 * </ul>
 */
public final class QuestionViews {
    /** A view: its heading, its tables (may be none), SVG charts (may be none). */
    record View(String title, List<Table> tables, List<String> charts) {
        /** The tables in Markdown, one after the other (empty if none). */
        String markdown() {
            return String.join("\n", tables.stream().map(Table::markdown).toList());
        }
    }

    static final List<String> PERCENTILES = List.of("p0.50", "p0.90", "p0.99", "p0.999", "p0.9999");
    static final int MAX_CHARTS = 8;

    private QuestionViews() {
    }

    static List<View> of(List<JmhResult> all) {
        List<View> views = new ArrayList<>();
        addIfAny(views, transports(all));
        addIfAny(views, placement(all));
        addIfAny(views, concurrency(all));
        addIfAny(views, codecs(all));
        addIfAny(views, validationShare(all));
        return views;
    }

    private static void addIfAny(List<View> views, View v) {
        if (v != null && (!v.tables().isEmpty() || !v.charts().isEmpty())) {
            views.add(v);
        }
    }

    private static boolean is(JmhResult r, String benchmark) {
        return r.shortName().equals(benchmark);
    }

    /** The result's parameters but {@code leaveOut}, as "name=value ...", then its caller count ({@link JmhResult#setting}). */
    static String setting(JmhResult r, String... leaveOut) {
        return r.setting(leaveOut);
    }

    /** The result's parameters but {@code leaveOut}, as "name=value ..." ({@link JmhResult#paramsBut}). */
    static String params(JmhResult r, String... leaveOut) {
        return r.paramsBut(leaveOut);
    }

    /** A size, which is the same in every fork: the number alone. */
    private static String num(Metric m) {
        return m == null ? "" : Format.num(m.score());
    }

    /** A metric of a result as the report prints figures: from its forks, with their interval ({@link Format#score}). */
    private static String fig(JmhResult r, String metric) {
        return r == null || r.metric(metric) == null ? "" : Format.score(r, metric);
    }

    static View transports(List<JmhResult> all) {
        Map<String, Map<String, JmhResult>> latency = new LinkedHashMap<>(); // setting -> transport -> result
        Map<String, JmhResult> throughput = new LinkedHashMap<>();          // setting + transport -> result
        for (JmhResult r : all) {
            if (is(r, "RoundTripBenchmark.roundTrip") && r.params().containsKey("transport")) {
                latency.computeIfAbsent(setting(r, "transport"), k -> new TreeMap<>()).put(r.params().get("transport"), r);
            } else if (is(r, "RoundTripBenchmark.throughput") && !"per-thread".equals(r.params().get("connection"))) {
                throughput.put(setting(r, "transport", "connection") + "\u0000" + r.params().get("transport"), r);
            }
        }
        if (latency.isEmpty()) {
            return null;
        }
        String baseline = Comparison.BASELINES.get("transport"); // the one place that names the transports' baseline
        Table table = new Table("llrrrrrr", "setting", "transport", "p50 µs", "p99 µs", "mean µs", "mean / " + baseline,
                "requests/s (shared client, same callers)", "B/request");
        List<String> charts = new ArrayList<>();
        for (Map.Entry<String, Map<String, JmhResult>> row : latency.entrySet()) {
            JmhResult http = row.getValue().get(baseline);
            LineChart chart = LineChart.overNames("Round-trip latency percentiles, " + row.getKey(), List.of("p50", "p90", "p99", "p99.9", "p99.99"),
                    "µs", true);
            for (Map.Entry<String, JmhResult> cell : row.getValue().entrySet()) {
                JmhResult r = cell.getValue();
                JmhResult t = throughput.get(row.getKey() + "\u0000" + cell.getKey());
                String ratio = http == null || r == http ? "" : Format.ratio(Comparison.ratio(r, http));
                table.row(row.getKey(), cell.getKey(), fig(r, "p0.50"),
                        fig(r, "p0.99") + (r.samples() >= 0 && r.samples() < Format.MIN_SAMPLES_P99 ? " ⚠" : ""), Format.score(r, "primary"), ratio,
                        t == null ? "" : Format.cell(t) + (breaksLittlesLaw(t, r) ? " ⚖" : ""), fig(r, "gc.alloc.rate.norm"));
                for (int i = 0; i < PERCENTILES.size(); i++) {
                    Metric p = r.metric(PERCENTILES.get(i));
                    if (p != null) {
                        chart.add(cell.getKey(), i, p.score());
                    }
                }
            }
            if (charts.size() < MAX_CHARTS && !chart.isEmpty()) {
                charts.add(chart.svg());
            }
        }
        return new View("Transports side by side (RoundTripBenchmark)", List.of(table), charts);
    }

    /**
     * Where the service runs ({@code placement}: colocated with the callers, or split into a process on CPUs of its
     * own): for every benchmark run at both, the mean per setting side by side and split's ratio to colocated, with
     * its interval (paired by round when the two ran interleaved).
     */
    static View placement(List<JmhResult> all) {
        Map<String, Map<String, JmhResult>> bySetting = new TreeMap<>(); // benchmark + setting -> placement -> result
        for (JmhResult r : all) {
            String placement = r.params().get("placement");
            if (placement != null) {
                bySetting.computeIfAbsent(r.shortName() + " " + setting(r, "placement"), k -> new TreeMap<>()).put(placement, r);
            }
        }
        Table table = new Table("lrrr", "benchmark and setting", "colocated", "split", "split / colocated");
        for (Map.Entry<String, Map<String, JmhResult>> row : bySetting.entrySet()) {
            JmhResult colocated = row.getValue().get("colocated");
            JmhResult split = row.getValue().get("split");
            if (colocated != null && split != null) {
                table.row(row.getKey(), Format.cell(colocated), Format.cell(split), Format.ratio(Comparison.ratio(split, colocated)));
            }
        }
        return table.isEmpty() ? null : new View("Where the service runs: colocated or split (placement)", List.of(table), List.of());
    }

    /**
     * A closed loop of {@code t} callers cannot complete more than t / mean latency requests per second: a
     * throughput over that (beyond 10%, and beyond both figures' fork-level intervals: their low ends are used)
     * and the latency measured beside it cannot both be true, e.g. because they come from runs made under
     * different conditions.
     */
    static boolean breaksLittlesLaw(JmhResult throughput, JmhResult latency) {
        double meanSeconds = low(latency) / 1e6; // sample mode, µs
        return "us/op".equals(latency.primary().unit()) && "ops/s".equals(throughput.primary().unit()) && meanSeconds > 0
                && low(throughput) * meanSeconds > throughput.threads() * 1.1;
    }

    /** The low end of a result's fork-level interval, or its score without one. */
    private static double low(JmhResult r) {
        Figure f = Figure.of(r, "primary");
        return f.hasInterval() ? f.low() : f.score();
    }

    static View concurrency(List<JmhResult> all) {
        // benchmark + setting without threads and the compared parameter -> series -> points
        Map<String, Map<String, TreeMap<Integer, Double>>> groups = new LinkedHashMap<>();
        for (JmhResult r : all) {
            if (!"thrpt".equals(r.mode())) {
                continue;
            }
            String compared = Comparison.BASELINES.keySet().stream().filter(r.params()::containsKey).findFirst().orElse("");
            String rest = params(r, compared);
            String group = r.shortName() + (rest.isEmpty() ? "" : " " + rest);
            String series = compared.isEmpty() ? "score" : r.params().get(compared);
            groups.computeIfAbsent(group, k -> new TreeMap<>()).computeIfAbsent(series, k -> new TreeMap<>()).put(r.threads(), r.primary().score());
        }
        Table table = new Table("lll", "benchmark and setting", "series", "ops/s by callers");
        List<String> charts = new ArrayList<>();
        for (Map.Entry<String, Map<String, TreeMap<Integer, Double>>> g : groups.entrySet()) {
            TreeSet<Integer> threads = new TreeSet<>();
            g.getValue().values().forEach(points -> threads.addAll(points.keySet()));
            if (threads.size() < 2) {
                continue;
            }
            LineChart chart = LineChart.lines("Throughput against callers: " + g.getKey(), "callers (-t)", "ops/s", true, false);
            for (Map.Entry<String, TreeMap<Integer, Double>> s : g.getValue().entrySet()) {
                StringBuilder points = new StringBuilder();
                s.getValue().forEach((t, v) -> {
                    points.append(points.isEmpty() ? "" : ", ").append("t=").append(t).append(": ").append(Format.num(v));
                    chart.add(s.getKey(), t, v);
                });
                table.row(g.getKey(), s.getKey(), points);
            }
            if (charts.size() < MAX_CHARTS) {
                charts.add(chart.svg());
            }
        }
        return new View("Throughput against concurrency", table.isEmpty() ? List.of() : List.of(table), charts);
    }

    static View codecs(List<JmhResult> all) {
        Map<String, Map<String, JmhResult[]>> byShape = new LinkedHashMap<>(); // setting -> codec -> {encode, decode}, in JMH's order
        for (JmhResult r : all) {
            boolean encode = is(r, "CodecBenchmark.encode");
            if ((encode || is(r, "CodecBenchmark.decode")) && r.params().containsKey("codec")) {
                byShape.computeIfAbsent(setting(r, "codec"), k -> new TreeMap<>())
                        .computeIfAbsent(r.params().get("codec"), k -> new JmhResult[2])[encode ? 0 : 1] = r;
            }
        }
        if (byShape.isEmpty()) {
            return null;
        }
        Table table = new Table("llrrrrr", "setting", "codec", "encode µs", "decode µs", "wire bytes", "deflated bytes", "decode B/op");
        LineChart chart = LineChart.scatter("Codec decode time against wire size (one point per shape)", "wire bytes", "decode µs", true, true);
        for (Map.Entry<String, Map<String, JmhResult[]>> shape : byShape.entrySet()) {
            for (Map.Entry<String, JmhResult[]> codec : shape.getValue().entrySet()) {
                JmhResult encode = codec.getValue()[0];
                JmhResult decode = codec.getValue()[1];
                JmhResult any = encode != null ? encode : decode;
                table.row(shape.getKey(), codec.getKey(), encode == null ? "" : Format.cell(encode), decode == null ? "" : Format.cell(decode),
                        num(any.metric("wireBytes")), num(any.metric("deflatedBytes")), fig(decode, "gc.alloc.rate.norm"));
                if (decode != null && decode.metric("wireBytes") != null) {
                    chart.add(codec.getKey(), decode.metric("wireBytes").score(), decode.primary().score());
                }
            }
        }
        return new View("Codecs: time and size per shape (CodecBenchmark)", List.of(table), chart.isEmpty() ? List.of() : List.of(chart.svg()));
    }

    static View validationShare(List<JmhResult> all) {
        Map<String, Double> validate = new LinkedHashMap<>(); // by shape, in JMH's order
        Map<String, Double> decode = new LinkedHashMap<>();
        Map<String, String> pipeline = new TreeMap<>(); // setting + transport -> share text
        List<String> labels = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        for (JmhResult r : all) {
            String shape = r.params().get("shape");
            if (is(r, "ValidationBenchmark.validate") && "hibernate".equals(r.params().get("validator")) && "valid".equals(r.params().get("payload"))
                    && shape != null && r.threads() == 1) {
                validate.put(shape, r.primary().score());
            } else if (is(r, "CodecBenchmark.decode") && "json".equals(r.params().get("codec")) && shape != null) {
                decode.put(shape, r.primary().score());
            } else if (r.shortName().startsWith("Order") && r.metric("validateUs") != null && r.metric("endToEndUs") != null
                    && r.metric("endToEndUs").score() > 0 && !"0.05".equals(r.params().get("paymentFailureRate"))) {
                double share = r.metric("validateUs").score() / r.metric("endToEndUs").score();
                pipeline.put(r.shortName() + " " + setting(r), String.format(Locale.ROOT, "%.1f%% (%s of %s µs)", 100 * share,
                        Format.num(r.metric("validateUs").score()), Format.num(r.metric("endToEndUs").score())));
            }
        }
        Table shareOfDecode = new Table("lrrr", "shape", "Hibernate Validator µs (valid order)", "JSON decode µs", "validation's share of decode + validate");
        for (Map.Entry<String, Double> v : validate.entrySet()) {
            Double d = decode.get(v.getKey());
            if (d == null) {
                continue;
            }
            double share = v.getValue() / (v.getValue() + d);
            shareOfDecode.row(v.getKey(), Format.num(v.getValue()), Format.num(d), String.format(Locale.ROOT, "%.1f%%", 100 * share));
            labels.add("shape " + v.getKey());
            shares.add(100 * share);
        }
        Table shareOfRequest = new Table("lr", "order pipeline setting", "validation stage's share of the whole request");
        pipeline.forEach(shareOfRequest::row);
        List<Table> tables = Stream.of(shareOfDecode, shareOfRequest).filter(t -> !t.isEmpty()).toList();
        if (tables.isEmpty()) {
            return null;
        }
        String chart = BarChart.svg("Validation's share of decode + validate (%), per shape", labels, shares);
        return new View("Validation's share of a request", tables, chart.isEmpty() ? List.of() : List.of(chart));
    }
}
