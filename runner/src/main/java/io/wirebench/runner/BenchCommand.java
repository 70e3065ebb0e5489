package io.wirebench.runner;

import io.wirebench.report.ReportCommand;
import io.wirebench.report.model.RunEnvironment;
import io.wirebench.report.model.ShellCommand;
import io.wirebench.yaml.ConfigFileException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code scripts/bench PROFILE}: runs a profile of {@code config/benchmark-config.yaml} ({@link BenchPlan}) into a new
 * folder {@code results/<UTC time>-<profile>-<git sha>/}: {@code environment.txt} first ({@link EnvironmentProbe}, with
 * the placement and the interleaved schedules' seed), the floors ({@code peers.json}) before the JMH runs, each JMH
 * run through {@link JmhRunCommand} into {@code <name>.json} and {@code .log}, the floors again after, then the load
 * runs ({@code load/*.json}, a log each), and last the report ({@code report.md}, {@code report.html}). A step that
 * fails is listed and the others still run; the list goes into {@code environment.txt}'s {@code failed} line, which the
 * regression gate reads, so a failed run is never "no regression". Every child process has a deadline.
 * Exit code: 0, 1 when a step failed, 2 for a bad profile or argument (nothing was run).
 *
 * <p>Test hooks, from the environment: {@code WIREBENCH_SEED} repeats an interleaved order;
 * {@code WIREBENCH_HOOK_SLOWDOWN_NANOS} (and {@code WIREBENCH_HOOK_SLOWDOWN_TARGET}, a regex of benchmark names) make
 * benchmarks slower on purpose, which the gate's power check uses.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a profile of the suite into a new results folder, then report it.")
public final class BenchCommand implements Callable<Integer> {
    static final String SEED = "WIREBENCH_SEED";
    static final String SLOWDOWN_NANOS = "WIREBENCH_HOOK_SLOWDOWN_NANOS";
    static final String SLOWDOWN_TARGET = "WIREBENCH_HOOK_SLOWDOWN_TARGET";
    private static final Duration PEERS_DEADLINE = Duration.ofMinutes(90);
    private static final Duration LOAD_GRACE = Duration.ofMinutes(10);
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    @Parameters(index = "0", arity = "0..1", defaultValue = "quick", description = "quick (the default), peers, nightly, claims, full, placement, or another profile the configuration defines")
    String profile;

    @Parameters(index = "1..*", arity = "0..*", description = "after --: JMH options that replace the profile's of the same name")
    List<String> extra = new ArrayList<>();

    @Option(names = "--only", description = "run only the benchmarks matching this regex (no floors, no load runs)")
    String only;

    @Option(names = "--placement", defaultValue = "colocated", description = "colocated or split: bench-transport's service in a process on CPUs of its own")
    String placement;

    @Option(names = "--jvm", description = "the JVM the benchmarks run on: a JDK home (with bin/java) or a java executable")
    String jvm;

    @Option(names = "--config", defaultValue = "config/benchmark-config.yaml", description = "the profiles (default: ${DEFAULT-VALUE})")
    Path config;

    @Option(names = "--results", defaultValue = "results", description = "where the run's folder is made (default: ${DEFAULT-VALUE})")
    Path results;

    @Option(names = "--claims", defaultValue = "config/claims.yaml", description = "the claims the report answers (default: ${DEFAULT-VALUE})")
    String claims;

    Map<String, String> environment = System.getenv();

    /** The run's folder, once made (scripts/nightly compares it). */
    Path folder;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!placement.equals("colocated") && !placement.equals("split")) {
            throw new IllegalArgumentException("--placement must be colocated or split, was '" + placement + "'");
        }
        String target = environment.getOrDefault(SLOWDOWN_TARGET, "");
        if (target.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(SLOWDOWN_TARGET + " '" + target + "' has a space; JMH splits fork arguments at spaces: write them as \\s");
        }
        String java = java();
        BenchmarkProfiles profiles = BenchmarkProfiles.read(config);
        BenchPlan plan = BenchPlan.of(profiles, profiles.profile(config, profile), only, placement.equals("split"), extra);
        Path out = newFolder();
        folder = out;
        Path environmentFile = out.resolve("environment.txt");
        RunEnvironment probed = EnvironmentProbe.probe(commandLine(), profile, config.toString(), java, Path.of("").toAbsolutePath());
        String seed = environment.getOrDefault(SEED, Long.toUnsignedString(new SecureRandom().nextInt() & 0xffffffffL));
        probed.with("placement", placement + (placement.equals("colocated") ? "" : " (bench-transport round trips; the e2e runs colocated)"))
                .with("seed", seed).write(environmentFile);

        List<String> failed = new ArrayList<>();
        peers(plan, java, out, "before", failed);
        for (BenchPlan.JmhStep step : plan.jmhRuns()) {
            jmh(step, java, out, seed, failed);
        }
        peers(plan, java, out, "after", failed);
        for (BenchmarkProfiles.LoadRun load : plan.loads()) {
            load(load, java, out, failed);
        }
        RunEnvironment written = RunEnvironment.read(environmentFile);
        if (environment.containsKey(SLOWDOWN_NANOS)) {
            written = written.with("hook", "codec benchmarks" + (target.isEmpty() ? "" : " matching '" + target + "'") + " slowed by "
                    + environment.get(SLOWDOWN_NANOS) + " ns per call");
        }
        if (!failed.isEmpty()) {
            written = written.with("failed", String.join(" ", failed)); // the gate reads this line: incomplete, never "no regression"
        }
        written.write(environmentFile);
        System.out.println("results: " + out);
        if (new CommandLine(new ReportCommand()).execute(out.toString(), "--claims", claims) != 0) {
            failed.add("report");
        }
        if (!failed.isEmpty()) {
            System.err.println("failed: " + String.join(" ", failed));
            return 1;
        }
        return 0;
    }

    private String java() {
        if (jvm == null) {
            return "java";
        }
        Path home = Path.of(jvm, "bin", "java");
        if (Files.isExecutable(home)) {
            return home.toString();
        }
        if (Files.isRegularFile(Path.of(jvm)) && Files.isExecutable(Path.of(jvm))) {
            return jvm;
        }
        throw new IllegalArgumentException("--jvm " + jvm + " is neither a JDK home (with bin/java) nor a java executable");
    }

    /** The command as a user typed it, for {@code environment.txt}. */
    private String commandLine() {
        StringBuilder s = new StringBuilder("scripts/bench ").append(profile);
        if (only != null) {
            s.append(" --only ").append(only);
        }
        if (jvm != null) {
            s.append(" --jvm ").append(jvm);
        }
        if (!placement.equals("colocated")) {
            s.append(" --placement ").append(placement);
        }
        if (!extra.isEmpty()) {
            s.append(" -- ").append(String.join(" ", extra));
        }
        return s.toString();
    }

    /** A new folder {@code <results>/<UTC time>-<profile>-<sha>}; never one that exists. */
    private Path newFolder() throws IOException {
        String sha = ShellCommand.output(Path.of("").toAbsolutePath(), false, "git", "rev-parse", "--short", "HEAD");
        String stem = ZonedDateTime.now(ZoneOffset.UTC).format(FOLDER_TIME) + "-" + profile + "-" + (sha == null ? "nogit" : sha);
        Files.createDirectories(results);
        for (int n = 0; ; n++) {
            Path folder = results.resolve(n == 0 ? stem : stem + "-" + n);
            try {
                return Files.createDirectory(folder);
            } catch (FileAlreadyExistsException taken) {
                // a run started in the same second: the next name
            }
        }
    }

    /** The floors, measured before and after the runs (each pass added to peers.json), so drift hits both. */
    private void peers(BenchPlan plan, String java, Path out, String when, List<String> failed) throws IOException, InterruptedException {
        if (!plan.measuresPeers()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(java, "-cp", Path.of("bench-transport", "target", "benchmarks.jar").toString(),
                "io.wirebench.transport.peers.PeersCommand", "--out", out.resolve("peers.json").toString()));
        command.addAll(plan.peers());
        System.out.println("== peers (" + when + ")");
        System.out.println("+ " + String.join(" ", command));
        if (ChildProcess.run(command, out.resolve("peers.log"), true, PEERS_DEADLINE) != 0) {
            failed.add("peers-" + when);
            System.out.println("   FAILED: see " + out.resolve("peers.log"));
        }
    }

    private void jmh(BenchPlan.JmhStep step, String java, Path out, String seed, List<String> failed) {
        if (JmhListing.of(java, step.jar(), step.include()).isEmpty()) {
            System.out.println("== " + step.name() + ": no benchmark matches" + (step.include().isEmpty() ? "" : " '" + step.include() + "'") + ", skipped");
            return;
        }
        StringBuilder forkProps = new StringBuilder("-Dwirebench.results=" + out.toAbsolutePath());
        if (environment.containsKey(SLOWDOWN_NANOS)) {
            forkProps.append(" -Dwirebench.hook.slowdownNanos=").append(environment.get(SLOWDOWN_NANOS));
        }
        if (environment.containsKey(SLOWDOWN_TARGET)) {
            forkProps.append(" -Dwirebench.hook.slowdownTarget=").append(environment.get(SLOWDOWN_TARGET));
        }
        List<String> args = new ArrayList<>(List.of("--java", java, "--jar", step.jar().toString(), "--include", step.include(),
                "--out", out.resolve(step.name() + ".json").toString(), "--log", out.resolve(step.name() + ".log").toString(),
                "--fork-props", forkProps.toString()));
        if (step.interleave() != null) {
            args.addAll(List.of("--interleave", step.interleave(), "--seed", seed));
        }
        args.add("--");
        args.addAll(step.jmhArguments());
        System.out.println("== " + step.name() + (step.interleave() == null ? "" : " (interleaved by " + step.interleave() + ")"));
        if (new CommandLine(new JmhRunCommand()).execute(args.toArray(String[]::new)) != 0) {
            failed.add(step.name());
            System.out.println("   FAILED: see " + out.resolve(step.name() + ".log"));
        }
    }

    private void load(BenchmarkProfiles.LoadRun load, String java, Path out, List<String> failed) throws IOException, InterruptedException {
        List<String> command = List.of(java, "-cp", Path.of("bench-e2e", "target", "benchmarks.jar").toString(), "io.wirebench.e2e.load.LoadCommand",
                "--config", load.config(), "--scenario", load.scenario(), "--transport", load.transport(), "--duration", load.durationSeconds() + "s",
                "--out", out.resolve("load").toString());
        String name = "load-" + load.scenario() + "-" + load.transport();
        System.out.println("== load " + load.scenario() + " over " + load.transport() + ", " + load.durationSeconds() + " s (" + load.config() + ")");
        System.out.println("+ " + String.join(" ", command));
        Duration deadline = Duration.ofSeconds(load.durationSeconds()).plus(LOAD_GRACE);
        if (ChildProcess.run(command, out.resolve(name + ".log"), false, deadline) != 0) {
            failed.add(name);
            System.out.println("   FAILED: see " + out.resolve(name + ".log"));
        }
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("scripts/bench: " + e.getMessage());
            return e instanceof ConfigFileException || e instanceof IllegalArgumentException ? 2 : 1;
        });
        System.exit(cli.execute(args));
    }
}
