package io.wirebench.report.claims;

import io.wirebench.report.format.Format;
import io.wirebench.report.format.Table;
import io.wirebench.report.model.Figure;
import io.wirebench.report.model.JmhResult;
import io.wirebench.report.model.PeerFloor;
import io.wirebench.report.model.RunFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Is the instrument the bottleneck? Each transport's figure from the suite set against its floor measured
 * in the same run ({@code peers.json}): the p50 at one caller ({@code RoundTripBenchmark.roundTrip},
 * {@code -t 1}) over the floor's p50 at one caller, and the requests per second with 16 in flight
 * ({@code RoundTripBenchmark.concurrent}, {@code inFlight=16}) over the floor's at 16 callers, per shape,
 * each with its interval (the suite's over forks, the floor's over rounds). A row whose ratio (the point)
 * lies outside its target is marked: a comparison involving that transport measures the harness too, and
 * the claims that compare transports say INCONCLUSIVE while it does.
 */
public final class HarnessEfficiency {
    /** The suite's p50 at one caller may be at most this many times its floor's. */
    static final double P50_TARGET = 1.3;
    /** The suite's requests/s with 16 in flight at least this share of wrk's (HTTP) ... */
    static final double HTTP_THROUGHPUT_TARGET = 0.5;
    /** ... and of the bare client loop's (the brokers). */
    static final double LOOP_THROUGHPUT_TARGET = 0.8;
    static final int IN_FLIGHT = 16;

    /** One comparison of the suite's figure with its floor. */
    public record Row(String transport, String shape, String what, Figure suite, Figure floor, String tool, double[] ratio,
                      double target, boolean higherIsBetter) {

        public boolean outside() {
            return higherIsBetter ? ratio[0] < target : ratio[0] > target;
        }

        String targetText() {
            return (higherIsBetter ? "≥ " : "≤ ") + Format.num(target) + "x";
        }
    }

    private final List<Row> rows;
    private final boolean measured;

    private HarnessEfficiency(List<Row> rows, boolean measured) {
        this.rows = List.copyOf(rows);
        this.measured = measured;
    }

    public static HarnessEfficiency of(RunFolder run) {
        List<Row> rows = new ArrayList<>();
        List<JmhResult> all = run.allJmh();
        for (PeerFloor floor : run.peers()) {
            if (!floor.isFloor()) {
                continue;
            }
            if (floor.callers() == 1) {
                JmhResult suite = find(all, "RoundTripBenchmark.roundTrip", floor, Map.of());
                if (suite != null && suite.metric("p0.50") != null) {
                    Figure s = Figure.of(suite, "p0.50");
                    rows.add(new Row(floor.transport(), floor.shape(), "p50 at 1 caller (µs)", s, floor.p50(), floor.tool(),
                            Figure.ratio(s, floor.p50()), P50_TARGET, false));
                }
            } else if (floor.callers() == IN_FLIGHT) {
                JmhResult suite = find(all, "RoundTripBenchmark.concurrent", floor, Map.of("inFlight", String.valueOf(IN_FLIGHT)));
                if (suite != null) {
                    Figure s = Figure.of(suite, "primary");
                    rows.add(new Row(floor.transport(), floor.shape(), "requests/s, 16 in flight", s, floor.throughput(), floor.tool(),
                            Figure.ratio(s, floor.throughput()),
                            "http".equals(floor.transport()) ? HTTP_THROUGHPUT_TARGET : LOOP_THROUGHPUT_TARGET, true));
                }
            }
        }
        return new HarnessEfficiency(rows, !run.peers().isEmpty());
    }

    /** The one result of {@code benchmark} at one caller thread for the floor's transport and shape (the suite's default codec and security). */
    private static JmhResult find(List<JmhResult> all, String benchmark, PeerFloor floor, Map<String, String> more) {
        JmhResult found = null;
        for (JmhResult r : all) {
            if (!r.benchmark().endsWith("." + benchmark) || r.threads() != 1
                    || !floor.transport().equals(r.params().get("transport")) || !floor.shape().equals(r.params().get("shape"))
                    || !"json".equals(r.params().getOrDefault("codec", "json")) || !"none".equals(r.params().getOrDefault("security", "none"))) {
                continue;
            }
            if (more.entrySet().stream().anyMatch(m -> !m.getValue().equals(r.params().get(m.getKey())))) {
                continue;
            }
            found = r;
        }
        return found;
    }

    public List<Row> rows() {
        return rows;
    }

    /** Whether the run measured any floor at all. */
    public boolean measured() {
        return measured;
    }

    /** Why a comparison involving these transports cannot be a verdict (empty: the harness is within target for all of them). */
    public List<String> reasonsAgainst(Set<String> transports) {
        List<String> reasons = new ArrayList<>();
        if (!measured) {
            reasons.add("the harness was not measured against the transports' floors in this run (no peers.json: scripts/bench peers)");
            return reasons;
        }
        for (String t : transports) {
            if (rows.stream().noneMatch(r -> r.transport().equals(t))) {
                reasons.add("no floor of " + t + " in this run's peers.json");
            }
        }
        for (Row r : rows) {
            if (transports.contains(r.transport()) && r.outside()) {
                reasons.add(String.format(Locale.ROOT, "the harness is outside its target for %s (%s, shape=%s: %sx its floor, target %s)",
                        r.transport(), r.what(), r.shape(), Format.num(r.ratio()[0]), r.targetText()));
            }
        }
        return reasons;
    }

    public Table table() {
        Table table = new Table("lllrrlrrl", "transport", "shape", "figure", "suite", "floor", "floor's tool", "suite / floor", "target", "");
        for (Row r : rows) {
            table.row(r.transport(), r.shape(), r.what(), r.suite().text(Format::num, "", false), r.floor().text(Format::num, "", false), r.tool(),
                    Format.ratio(r.ratio()), r.targetText(), r.outside() ? "✗ outside target" : "✓");
        }
        return table;
    }
}
