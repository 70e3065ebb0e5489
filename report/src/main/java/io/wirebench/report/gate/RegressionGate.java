package io.wirebench.report.gate;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wirebench.report.model.JmhResult;
import io.wirebench.report.model.Metric;
import io.wirebench.report.model.RunEnvironment;
import io.wirebench.report.model.RunFolder;
import io.wirebench.yaml.ConfigFileException;
import io.wirebench.yaml.StrictYaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
        public double thresholdFor(String shortName) {
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
        Map<String, Double> drift = settings.adjustsForDrift() && across.isEmpty() ? GateStatistics.drift(base, cur, settings.minForks()) : Map.of();
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
                Double moduleDrift = metric.equals("primary") ? drift.get(GateStatistics.moduleOf(c.benchmark())) : null;
                if (moduleDrift != null && cm.direction() != Metric.Direction.UNKNOWN) {
                    // judged against its module's drift: current values as if the machine had run at the baseline's speed
                    double factor = cm.direction() == Metric.Direction.HIGHER_IS_BETTER ? moduleDrift : 1 / moduleDrift;
                    cs = Arrays.stream(cs).map(v -> v * factor).toArray();
                }
                double bMean = StatUtils.mean(bs);
                double cMean = StatUtils.mean(cs);
                double relative = (cMean - bMean) / bMean;
                boolean nan = Arrays.stream(bs).anyMatch(Double::isNaN) || Arrays.stream(cs).anyMatch(Double::isNaN);
                // one-sided in the direction the mean moved: is it really worse (or better) than the baseline?
                double p = nan ? Double.NaN
                        : StatUtils.variance(bs) == 0 && StatUtils.variance(cs) == 0 ? (bMean == cMean ? 1 : 0) : test.tTest(bs, cs) / 2;
                double mdc = nan ? Double.NaN : GateStatistics.mdc(bs, cs, settings.alpha());
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

    static Map<String, JmhResult> byKey(List<JmhResult> results) {
        Map<String, JmhResult> out = new TreeMap<>();
        for (JmhResult r : results) {
            out.put(r.key(), r);
        }
        return out;
    }
}
