package io.wirebench.report.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.wirebench.report.gate.GateStatistics;
import io.wirebench.report.gate.RegressionGate;
import io.wirebench.report.gate.SharedEnvironment;
import io.wirebench.report.model.Metric;
import io.wirebench.report.model.RunEnvironment;
import io.wirebench.report.model.RunFolder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One run as a line of a history file ({@code results/history/*.jsonl}): where and when it ran (its commit, the
 * commit's date, the run's date, the environment lines the regression gate compares and their digest, which names
 * the series the run belongs to) and its figures ({@link DashboardFigure}: every JMH result's primary figure and
 * allocation, every load run's p99 and rate) with their fork-level intervals. When the run was judged against a
 * baseline, each gated figure carries the gate's judgement: the baseline's value as this run's machine ran
 * ({@code expected}: the baseline times the module's drift the gate took out, {@link RegressionGate#drift}), the
 * threshold and the verdict, so a chart can draw the band inside which the gate stays quiet; a run the gate found not
 * comparable carries that verdict and no judgement of a figure. JSON has no NaN:
 * a missing interval is absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record HistoryEntry(@JsonProperty(value = "run", required = true) String run,
                    @JsonProperty(value = "date", required = true) String date,
                    @JsonProperty("commit") String commit,
                    @JsonProperty("commit_date") String commitDate,
                    @JsonProperty(value = "environment", required = true) Map<String, String> environment,
                    @JsonProperty(value = "environment_digest", required = true) String environmentDigest,
                    @JsonProperty("gate") Gate gate,
                    @JsonProperty(value = "figures", required = true) List<Point> figures) {
    static final String PROFILE = "profile";


    /** The gate's verdict on the whole run: its exit code (0, 1, 2, 3), the baseline it was judged against, the drift taken out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Gate(@JsonProperty(value = "exit", required = true) int exit,
                @JsonProperty(value = "baseline", required = true) String baseline,
                @JsonProperty("baseline_commit") String baselineCommit,
                @JsonProperty("drift") Map<String, Double> drift) {

        String verdict() {
            return switch (exit) {
                case 0 -> "no regression";
                case 1 -> "regression";
                case 2 -> "not comparable";
                case RegressionGate.INCOMPLETE -> "incomplete";
                default -> "exit " + exit;
            };
        }
    }

    /** One figure: {@code direction} is {@code lower} or {@code higher} (which is better). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Point(@JsonProperty(value = "name", required = true) String name,
                 @JsonProperty(value = "measure", required = true) String measure,
                 @JsonProperty(value = "unit", required = true) String unit,
                 @JsonProperty(value = "direction", required = true) String direction,
                 @JsonProperty(value = "value", required = true) double value,
                 @JsonProperty("low") Double low,
                 @JsonProperty("high") Double high,
                 @JsonProperty("gate") Judgement gate) {

        boolean hasInterval() {
            return low != null && high != null;
        }
    }

    /**
     * The gate's row for a figure: {@code expected} the baseline as this run's machine ran (the baseline when no
     * drift was taken out), quiet within {@code expected × (1 ± threshold)}; {@code change} the row's verdict
     * ({@link RegressionGate.Change}, lower case).
     */
    record Judgement(@JsonProperty(value = "baseline", required = true) double baseline,
                     @JsonProperty(value = "expected", required = true) double expected,
                     @JsonProperty(value = "threshold", required = true) double threshold,
                     @JsonProperty(value = "change", required = true) String change) {

        boolean regression() {
            return change.equals("regression");
        }

        boolean improvement() {
            return change.equals("improvement");
        }
    }

    /** What orders runs: the commit's date, then the run's (a run without a known commit date goes by its own date). */
    String orderKey() {
        return (commitDate != null ? commitDate : date) + " " + date;
    }

    String shortCommit() {
        return commit == null ? "?" : commit.substring(0, Math.min(7, commit.length()));
    }

    /**
     * A run folder's entry. {@code outcome}: the gate's verdict on it against {@code baselineName} (null: not
     * judged); {@code commitDate}: its commit's date when known (null otherwise).
     */
    static HistoryEntry of(RunFolder run, RegressionGate.Outcome outcome, String baselineName, String baselineCommit, String commitDate) {
        RunEnvironment env = RunEnvironment.parse(run.environment());
        String name = run.dir().toAbsolutePath().normalize().getFileName().toString();
        String date = runDate(env.get("date"), name);
        Map<String, String> lines = new LinkedHashMap<>();
        for (String key : seriesKeys(List.of(env.lines()))) {
            String value = key.equals(PROFILE) ? env.get(key) : SharedEnvironment.value(env, key);
            if (value != null && (key.equals("profile") || key.equals("placement"))) {
                value = value.split(" ", 2)[0]; // "nightly (config/benchmark-config.yaml)", "split (bench-transport round trips; ...)"
            }
            if (value != null) {
                lines.put(key, value);
            }
        }
        Map<String, RegressionGate.Row> rows = new LinkedHashMap<>();
        // a run the gate could not compare (another machine, JVM, server) carries that verdict and no row's
        if (outcome != null && outcome.notComparable().isEmpty()) {
            outcome.rows().forEach(r -> rows.put(r.key() + "\u0000" + r.metric(), r));
        }
        List<Point> points = new ArrayList<>();
        for (DashboardFigure f : DashboardFigure.of(run)) {
            if (!Double.isFinite(f.value())) {
                continue; // JSON has no NaN; a figure without a value has no point to draw
            }
            RegressionGate.Row row = f.jmhKey() == null ? null : rows.get(f.jmhKey() + "\u0000" + f.jmhMetric());
            Judgement judgement = null;
            if (row != null && Double.isFinite(row.baseline()) && row.change() != RegressionGate.Change.NOT_GATED) {
                Double drift = f.jmhMetric().equals("primary") ? outcome.drift().get(GateStatistics.moduleOf(row.result().benchmark())) : null;
                double asRan = drift == null ? 1 : f.direction() == Metric.Direction.HIGHER_IS_BETTER ? 1 / drift : drift;
                judgement = new Judgement(row.baseline(), row.baseline() * asRan, row.threshold(), row.change().name().toLowerCase(Locale.ROOT));
            }
            points.add(new Point(f.name(), f.measure(), f.unit(), f.direction() == Metric.Direction.HIGHER_IS_BETTER ? "higher" : "lower",
                    f.value(), finite(f.low()), finite(f.high()), judgement));
        }
        Gate gate = outcome == null ? null : new Gate(outcome.exitCode(), baselineName, baselineCommit,
                outcome.drift().isEmpty() ? null : outcome.drift());
        return new HistoryEntry(name, date, env.get("git"), commitDate, lines, digest(lines), gate, points);
    }

    /** The run's date: its environment's {@code date} line, else the UTC time its folder's name starts with. */
    static String runDate(String line, String folder) {
        if (line != null && !line.isBlank()) {
            return line;
        }
        if (folder.matches("\\d{8}T\\d{6}Z.*")) {
            String t = folder.substring(0, 16);
            return t.substring(0, 4) + "-" + t.substring(4, 6) + "-" + t.substring(6, 8) + "T" + t.substring(9, 11) + ":"
                    + t.substring(11, 13) + ":" + t.substring(13, 15) + "Z";
        }
        throw new IllegalArgumentException("run folder " + folder + ": no date (environment.txt has no 'date' line, and the folder's"
                + " name does not start with a UTC time such as 20261202T043149Z)");
    }

    /** The lines a series shares, for these entries' environments: the gate's ({@link SharedEnvironment}) and the profile. */
    static List<String> seriesKeys(List<Map<String, String>> environments) {
        List<String> keys = new ArrayList<>(SharedEnvironment.keys(environments));
        keys.add(PROFILE);
        return keys;
    }

    /**
     * The first 12 hex digits of the SHA-256 of the series lines ({@code key=value}, one a line, in {@link #seriesKeys}
     * order). A server line is hashed under its program's bare name ({@code nats-server=...}), as files written before
     * the {@code server.} prefix named it, so a series goes on across that change.
     */
    static String digest(Map<String, String> lines) {
        StringBuilder text = new StringBuilder();
        for (String key : seriesKeys(List.of(lines))) {
            String value = lines.get(key);
            if (value == null) {
                value = lines.entrySet().stream().filter(e -> RunEnvironment.canonicalKey(e.getKey()).equals(key)).map(Map.Entry::getValue)
                        .findFirst().orElse("");
            }
            String hashed = key.startsWith(RunEnvironment.SERVER_PREFIX) ? key.substring(RunEnvironment.SERVER_PREFIX.length()) : key;
            text.append(hashed).append('=').append(value).append('\n');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks what reading a line cannot: a date that parses, a digest that matches its lines; the problem, or null. */
    String problem() {
        try {
            Instant.parse(date);
        } catch (DateTimeParseException e) {
            return "date '" + date + "' is not an ISO-8601 UTC time (such as 2026-12-02T04:31:49Z)";
        }
        if (!environmentDigest.equals(digest(environment))) {
            return "environment_digest " + environmentDigest + " does not match its environment lines (their digest is " + digest(environment) + ")";
        }
        for (Point p : figures) {
            if (!p.direction().equals("lower") && !p.direction().equals("higher")) {
                return "figure '" + p.name() + "': direction must be 'lower' or 'higher', was '" + p.direction() + "'";
            }
        }
        return null;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
