package io.wirebench.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wirebench.yaml.ConfigFileException;
import io.wirebench.yaml.StrictYaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Compares two result sets benchmark by benchmark: the samples are per-fork values (JMH's forks are the
 * independent repetitions; iterations within a fork are not), tested with Welch's t-test, one-sided in the
 * direction the mean moved; a change is reported only when it is larger than the threshold of the
 * benchmark's group <em>and</em> significant on its own ({@code p < alpha}); everything else is "no
 * significant change". There is no correction over all the rows of a run: with 3 forks a side, a
 * Benjamini-Hochberg correction over 300 comparisons needs p values that 3 forks cannot give, so it could only
 * see a change that hits many benchmarks at once, never the usual regression of one. The threshold is what
 * keeps a rerun of the same code quiet instead: a row alarms only if it moved beyond its threshold and by
 * more than its forks' spread explains. Each row carries its minimum detectable change ({@link #mdc}): the
 * smallest change this test catches with 80% power given its forks and their variance, so a reader knows
 * what the gate could not have seen. The primary score and the allocation
 * per operation ({@code gc.alloc.rate.norm}) are compared as metrics of their own; the direction of
 * "worse" comes from the unit. Verdicts: 0 no regression, 1 regression, 2 not comparable (another
 * machine shape, JVM or server version, or too few forks), 3 incomplete (a benchmark of the baseline
 * missing from the current run, a module that failed, a file that could not be read: the gate cannot
 * say "no regression" for what it did not see). A comparison whose p-value is NaN is left out of the
 * correction and listed as untestable, so it can neither silence the others nor pass as "no change".
 */
public final class RegressionGate {
    static final List<String> COMPARED_METRICS = List.of("primary", "gc.alloc.rate.norm");

    /** {@code config/regression.yaml}. */
    public record Settings(@JsonProperty(value = "alpha", required = true) double alpha,
                           @JsonProperty(value = "min_forks", required = true) int minForks,
                           @JsonProperty(value = "default_threshold", required = true) double defaultThreshold,
                           @JsonProperty(value = "thresholds", required = true) Map<String, Double> thresholds,
                           @JsonProperty(value = "drift") String drift) {

        /** How the machine's drift between two runs is taken out: {@code module} (the default) or {@code none}. */
        public boolean adjustsForDrift() {
            return drift == null || drift.equals("module");
        }

        public static Settings read(Path file) {
            Settings s = StrictYaml.read(file, Settings.class);
            if (!(s.alpha() > 0 && s.alpha() < 0.5)) {
                throw new ConfigFileException(file, "alpha", "must be within (0, 0.5), was " + s.alpha());
            }
            if (s.minForks() < 2) {
                throw new ConfigFileException(file, "min_forks", "must be at least 2 (a t-test needs two samples a side), was " + s.minForks());
            }
            if (!(s.defaultThreshold() > 0)) {
                throw new ConfigFileException(file, "default_threshold", "must be > 0, was " + s.defaultThreshold());
            }
            if (s.drift() != null && !s.drift().equals("module") && !s.drift().equals("none")) {
                throw new ConfigFileException(file, "drift", "must be 'module' or 'none', was '" + s.drift() + "'");
            }
            s.thresholds().forEach((group, t) -> {
                if (t == null || !(t > 0)) {
                    throw new ConfigFileException(file, "thresholds." + group, "must be > 0, was " + t);
                }
            });
            return s;
        }

        /** The threshold of the first group whose name the benchmark's short name starts with, else the default. */
        double thresholdFor(String shortName) {
            for (Map.Entry<String, Double> group : thresholds.entrySet()) {
                if (shortName.startsWith(group.getKey())) {
                    return group.getValue();
                }
            }
            return defaultThreshold;
        }
    }

    /** {@code UNTESTABLE}: a fork mean or the test itself gave NaN: left out of the correction and listed, never "no change". */
    public enum Change { REGRESSION, IMPROVEMENT, NO_SIGNIFICANT_CHANGE, NOT_GATED, UNTESTABLE }

    /** {@code p}: one-sided Welch over fork values; {@code mdc}: the minimum detectable change ({@link #mdc}). */
    public record Row(String key, String metric, String unit, double baseline, double current, double relative, double p,
                      double threshold, double mdc, Change change, JmhResult result) {

        /** The smallest change this row can flag: beyond its threshold and detectable with 80% power. */
        public double visible() {
            return Math.max(threshold, mdc);
        }
    }

    /**
     * {@code across}: the environment differences the comparison was asked to allow (e.g. two JVMs compared).
     * {@code incomplete}: why the current run cannot vouch for every benchmark of the baseline (benchmarks
     * missing from it, modules that failed, files that could not be read).
     */
    public record Outcome(int exitCode, List<String> notComparable, List<String> across, List<Row> rows, List<String> added,
                          List<String> removed, Map<Path, String> problems, List<String> incomplete, Map<String, Double> drift) {
    }

    /** Below this many primary figures a module's drift is not estimated (its median would be one benchmark's change). */
    static final int MIN_DRIFT_ROWS = 5;

    /** The module of a benchmark: the package segment after {@code io.wirebench} (serialization, transport, ...). */
    static String moduleOf(String benchmark) {
        String[] parts = benchmark.split("\\.");
        return parts.length > 3 ? parts[2] : benchmark;
    }

    /**
     * Each module's drift between the two runs: the median, over its benchmarks' primary figures, of the current
     * fork mean over the baseline's, as a time ratio (a throughput's ratio inverted), so 0.87 says the module ran
     * 13% faster as a whole. Runs tens of minutes apart on a shared machine differ by that much for every
     * benchmark at once (results/2026-12-02-nightly.md: 13-16% for the CPU-bound modules); a gate on the raw
     * change then reports the machine, and misses a 25% slowdown of one benchmark hidden under it. Each
     * benchmark is judged against its module's drift instead. What this cannot see: a change that slows a whole
     * module alike (a JDK or library update), which looks like drift; the drift is printed with the verdict, so
     * a module that moved is in plain sight.
     */
    static Map<String, Double> drift(Map<String, JmhResult> base, Map<String, JmhResult> cur, int minForks) {
        Map<String, List<Double>> logs = new java.util.TreeMap<>();
        for (Map.Entry<String, JmhResult> entry : cur.entrySet()) {
            JmhResult b = base.get(entry.getKey());
            JmhResult c = entry.getValue();
            if (b == null || b.primary() == null || c.primary() == null || c.primary().direction() == Metric.Direction.UNKNOWN) {
                continue;
            }
            List<Double> bs = b.forkValues("primary");
            List<Double> cs = c.forkValues("primary");
            if (bs.size() < minForks || cs.size() < minForks) {
                continue;
            }
            double ratio = StatUtils.mean(cs.stream().mapToDouble(Double::doubleValue).toArray())
                    / StatUtils.mean(bs.stream().mapToDouble(Double::doubleValue).toArray());
            if (!(ratio > 0) || Double.isInfinite(ratio)) {
                continue; // a NaN fork or a zero mean: no part in the drift (the row itself is judged untestable)
            }
            double log = Math.log(ratio);
            logs.computeIfAbsent(moduleOf(c.benchmark()), m -> new ArrayList<>())
                    .add(c.primary().direction() == Metric.Direction.HIGHER_IS_BETTER ? -log : log);
        }
        Map<String, Double> drift = new java.util.TreeMap<>();
        logs.forEach((module, values) -> {
            if (values.size() >= MIN_DRIFT_ROWS) {
                drift.put(module, Math.exp(new org.apache.commons.math3.stat.descriptive.rank.Median()
                        .evaluate(values.stream().mapToDouble(Double::doubleValue).toArray())));
            }
        });
        return drift;
    }

    /** Exit codes: 0 no regression, 1 regression, 2 not comparable, 3 incomplete (nothing regressed in what could be compared). */
    public static final int INCOMPLETE = 3;

    private final Settings settings;

    public RegressionGate(Settings settings) {
        this.settings = settings;
    }

    public Outcome compare(RunFolder baseline, RunFolder current) {
        return compare(baseline, current, Set.of());
    }

    /**
     * As {@link #compare(RunFolder, RunFolder)}, but the environment lines named in {@code across} (of
     * {@link SharedEnvironment}'s) may differ: the question is then what that difference (another JVM,
     * another server version) changes, asked with the same statistics; the differences are listed.
     */
    public Outcome compare(RunFolder baseline, RunFolder current, Set<String> across) {
        Set<String> allowedKeys = new HashSet<>();
        for (String key : across) {
            if (!SharedEnvironment.isShared(key)) {
                throw new IllegalArgumentException("--across " + key + ": not an environment line the gate checks; one of "
                        + String.join(", ", SharedEnvironment.MACHINE) + ", " + SharedEnvironment.PLACEMENT + " or a server.<name> line");
            }
            allowedKeys.add(RunEnvironment.canonicalKey(key));
        }
        List<String> notComparable = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        for (String difference : SharedEnvironment.differences(baseline.environment(), current.environment())) {
            String key = difference.substring(0, difference.indexOf(' '));
            (allowedKeys.contains(key) ? allowed : notComparable).add(difference);
        }
        Map<String, JmhResult> base = byKey(baseline.allJmh());
        Map<String, JmhResult> cur = byKey(current.allJmh());
        List<String> added = cur.keySet().stream().filter(k -> !base.containsKey(k)).sorted().toList();
        List<String> removed = base.keySet().stream().filter(k -> !cur.containsKey(k)).sorted().toList();
        List<Row> rows = new ArrayList<>();
        TTest test = new TTest();
        // a comparison across an environment difference asks what that difference does to everything: no drift taken out
        Map<String, Double> drift = settings.adjustsForDrift() && across.isEmpty() ? drift(base, cur, settings.minForks()) : Map.of();
        for (Map.Entry<String, JmhResult> entry : cur.entrySet()) {
            JmhResult b = base.get(entry.getKey());
            if (b == null) {
                continue;
            }
            JmhResult c = entry.getValue();
            for (String metric : COMPARED_METRICS) {
                Metric bm = b.metric(metric);
                Metric cm = c.metric(metric);
                if (bm == null || cm == null) {
                    continue;
                }
                double[] bs = b.forkValues(metric).stream().mapToDouble(Double::doubleValue).toArray();
                double[] cs = c.forkValues(metric).stream().mapToDouble(Double::doubleValue).toArray();
                if (bs.length < settings.minForks() || cs.length < settings.minForks()) {
                    notComparable.add(String.format(Locale.ROOT, "%s %s: %d baseline and %d current forks; at least %d each are needed",
                            entry.getKey(), metric, bs.length, cs.length, settings.minForks()));
                    continue;
                }
                double cMeanRaw = StatUtils.mean(cs);
                Double moduleDrift = metric.equals("primary") ? drift.get(moduleOf(c.benchmark())) : null;
                if (moduleDrift != null && cm.direction() != Metric.Direction.UNKNOWN) {
                    // judged against its module's drift: current values as if the machine had run at the baseline's speed
                    double factor = cm.direction() == Metric.Direction.HIGHER_IS_BETTER ? moduleDrift : 1 / moduleDrift;
                    cs = java.util.Arrays.stream(cs).map(v -> v * factor).toArray();
                }
                double bMean = StatUtils.mean(bs);
                double cMean = StatUtils.mean(cs);
                double relative = (cMean - bMean) / bMean;
                boolean nan = java.util.Arrays.stream(bs).anyMatch(Double::isNaN) || java.util.Arrays.stream(cs).anyMatch(Double::isNaN);
                // one-sided in the direction the mean moved: is it really worse (or better) than the baseline?
                double p = nan ? Double.NaN
                        : StatUtils.variance(bs) == 0 && StatUtils.variance(cs) == 0 ? (bMean == cMean ? 1 : 0) : test.tTest(bs, cs) / 2;
                double mdc = nan ? Double.NaN : mdc(bs, cs, settings.alpha());
                double threshold = settings.thresholdFor(c.shortName());
                Metric.Direction direction = metric.equals("gc.alloc.rate.norm") ? Metric.Direction.LOWER_IS_BETTER : cm.direction();
                Change change = direction == Metric.Direction.UNKNOWN ? Change.NOT_GATED : Change.NO_SIGNIFICANT_CHANGE;
                if (direction != Metric.Direction.UNKNOWN && Math.abs(relative) > threshold) {
                    boolean worse = direction == Metric.Direction.LOWER_IS_BETTER ? relative > 0 : relative < 0;
                    change = worse ? Change.REGRESSION : Change.IMPROVEMENT; // if significant: decided below
                }
                if (Double.isNaN(p) || Double.isNaN(relative)) {
                    change = Change.UNTESTABLE;
                }
                if (change != Change.UNTESTABLE && change != Change.NOT_GATED && !(p < settings.alpha())) {
                    change = Change.NO_SIGNIFICANT_CHANGE;
                }
                rows.add(new Row(entry.getKey(), metric, cm.unit(), bMean, cMeanRaw, relative, p, threshold, mdc, change, c));
            }
        }
        rows.sort((x, y) -> x.key().compareTo(y.key()) != 0 ? x.key().compareTo(y.key()) : x.metric().compareTo(y.metric()));
        if (base.isEmpty() || cur.isEmpty()) {
            notComparable.add((base.isEmpty() ? "the baseline" : "the current run") + " holds no JMH results");
        }
        Map<Path, String> problems = new LinkedHashMap<>(baseline.problems());
        problems.putAll(current.problems());
        List<String> incomplete = new ArrayList<>();
        if (!removed.isEmpty()) {
            incomplete.add(removed.size() + " benchmark(s) of the baseline missing from the current run");
        }
        String failed = RunEnvironment.parse(current.environment()).get("failed");
        if (failed != null && !failed.isBlank()) {
            incomplete.add("the current run says these failed: " + failed);
        }
        problems.forEach((file, problem) -> incomplete.add("unreadable: " + file + ": " + problem));
        rows.stream().filter(r -> r.change() == Change.UNTESTABLE)
                .forEach(r -> incomplete.add("untestable (NaN): " + r.key() + " " + r.metric()));
        int exit = !notComparable.isEmpty() ? 2 : rows.stream().anyMatch(r -> r.change() == Change.REGRESSION) ? 1
                : !incomplete.isEmpty() ? INCOMPLETE : 0;
        return new Outcome(exit, notComparable, allowed, rows, added, removed, problems, incomplete, drift);
    }

    /** The power the minimum detectable change is computed for. */
    static final double POWER = 0.8;

    /**
     * The minimum detectable change, relative to the baseline mean: the true change that this one-sided Welch
     * test at {@code alpha} finds with {@link #POWER} power, given both sides' fork counts and variances:
     * (t(1-alpha, df) + t(POWER, df)) x sqrt(sb²/nb + sc²/nc) / mean(b), df by Welch-Satterthwaite. A gate row
     * also needs the change beyond its threshold, so what it can see is the larger of the two.
     */
    static double mdc(double[] b, double[] c, double alpha) {
        double vb = StatUtils.variance(b) / b.length;
        double vc = StatUtils.variance(c) / c.length;
        double mean = Math.abs(StatUtils.mean(b));
        if (vb + vc == 0) {
            return 0;
        }
        org.apache.commons.math3.distribution.TDistribution t =
                new org.apache.commons.math3.distribution.TDistribution(null, ForkStatistics.welchDf(vb, b.length, vc, c.length));
        return (t.inverseCumulativeProbability(1 - alpha) + t.inverseCumulativeProbability(POWER)) * Math.sqrt(vb + vc) / mean;
    }

    static Map<String, JmhResult> byKey(List<JmhResult> results) {
        Map<String, JmhResult> out = new TreeMap<>();
        for (JmhResult r : results) {
            out.put(r.key(), r);
        }
        return out;
    }

    static String percent(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    public static String markdown(Outcome o) {
        StringBuilder md = new StringBuilder(o.across().isEmpty() ? "# wirebench regression gate\n\n" : "# wirebench comparison\n\n");
        String verdict = switch (o.exitCode()) {
            case 0 -> "**No regression** (exit 0)";
            case 1 -> "**Regression** (exit 1)";
            case INCOMPLETE -> "**Incomplete** (exit 3: no regression in what could be compared, but not everything could be)";
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
