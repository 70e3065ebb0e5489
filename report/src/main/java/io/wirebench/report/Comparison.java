package io.wirebench.report;

import io.wirebench.report.model.Figure;
import io.wirebench.report.model.JmhResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One benchmark's results as a comparison: a row per setting of its other parameters (and threads), a
 * column per value of the compared parameter (transport, codec, validator), each cell with its score and
 * fork-level interval and, against the baseline column, the ratio with its fork-level interval ({@link Figure#ratio}).
 */
public record Comparison(String benchmark, String mode, String unit, String compared, String baseline, List<String> columns,
                         Map<String, Map<String, JmhResult>> rows) {

    /** The parameter compared across columns and the column others are divided by, in the order looked for. */
    static final Map<String, String> BASELINES = new LinkedHashMap<>();

    static {
        BASELINES.put("transport", "http");
        BASELINES.put("codec", "json");
        BASELINES.put("validator", "none");
    }

    public static List<Comparison> of(List<JmhResult> results) {
        Map<String, List<JmhResult>> byBenchmark = new LinkedHashMap<>();
        for (JmhResult r : results) {
            byBenchmark.computeIfAbsent(r.shortName() + "\u0000" + r.mode(), k -> new ArrayList<>()).add(r);
        }
        List<Comparison> out = new ArrayList<>();
        for (List<JmhResult> group : byBenchmark.values()) {
            JmhResult first = group.get(0);
            String compared = null;
            for (String p : BASELINES.keySet()) {
                if (first.params().containsKey(p)) {
                    compared = p;
                    break;
                }
            }
            List<String> columns = new ArrayList<>();
            Map<String, Map<String, JmhResult>> rows = new LinkedHashMap<>();
            for (JmhResult r : group) {
                String col = compared == null ? "score" : r.params().get(compared);
                if (!columns.contains(col)) {
                    columns.add(col);
                }
                Map<String, String> rest = new TreeMap<>(r.params());
                if (compared != null) {
                    rest.remove(compared);
                }
                String row = rest.isEmpty() ? "t=" + r.threads() : rest.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .reduce((a, b) -> a + " " + b).orElse("") + " t=" + r.threads();
                rows.computeIfAbsent(row, k -> new LinkedHashMap<>()).put(col, r);
            }
            String baseline = compared != null && columns.contains(BASELINES.get(compared)) ? BASELINES.get(compared) : null;
            out.add(new Comparison(first.shortName(), first.mode(), first.primary().unit(), compared, baseline, columns, rows));
        }
        return out;
    }

    /** This comparison with no column divided by another: a smoke run's figures have no interval, and a ratio of them is no result. */
    Comparison withoutRatios() {
        return new Comparison(benchmark, mode, unit, compared, null, columns, rows);
    }

    /** The ratio of {@code cell}'s primary figure to {@code base}'s with its fork-level interval: {ratio, low, high}; NaN without a base. */
    public static double[] ratio(JmhResult cell, JmhResult base) {
        if (base == null || cell == null || !(base.primary().score() > 0)) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        return Figure.ratio(Figure.of(cell, "primary"), Figure.of(base, "primary"));
    }
}
