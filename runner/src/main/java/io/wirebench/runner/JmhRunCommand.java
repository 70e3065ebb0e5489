package io.wirebench.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * One JMH run of a module's {@code benchmarks.jar}, as {@code scripts/bench} makes it: the JMH options after
 * {@code --}, the fork properties added with {@code -jvmArgsPrepend} (so a class's own
 * {@code @Fork(jvmArgsAppend = ...)}, its heap settings, stays), JSON into {@code --out}, JMH's output into
 * {@code --log}. With {@code --interleave PARAM[,PARAM...]} the run is made as single-fork runs, one per
 * setting (each combination of the params' values) and round ({@code -f N} gives the rounds), in the order of an {@link InterleavedSchedule} whose seed is
 * printed and recorded, and merged back into one result per setting ({@link InterleavedMerge}); the
 * single-fork files stay under {@code forks/<name>/} beside {@code --out}. Every process has a deadline.
 * Exit code: 0, 1 when a JMH run failed (what finished is still merged), 2 for bad arguments.
 */
@Command(name = "jmh-run", mixinStandardHelpOptions = true, description = "One JMH run of a benchmarks jar, optionally interleaved fork by fork.")
public final class JmhRunCommand implements Callable<Integer> {

    @Option(names = "--java", defaultValue = "java", description = "the java executable (default: ${DEFAULT-VALUE})")
    String java;

    @Option(names = "--jar", required = true, description = "the module's benchmarks.jar")
    Path jar;

    @Option(names = "--include", defaultValue = "", description = "the benchmark regex (default: every benchmark)")
    String include;

    @Option(names = "--out", required = true, description = "the JSON result file")
    Path out;

    @Option(names = "--log", required = true, description = "JMH's output")
    Path log;

    @Option(names = "--fork-props", defaultValue = "", description = "JVM arguments for the forks, prepended to each class's own")
    String forkProps;

    @Option(names = "--interleave", split = ",", description = "the @Params whose settings (their values' combinations) run interleaved, one fork at a time")
    List<String> interleave;

    @Option(names = "--seed", description = "the interleaved schedule's seed (default: a random one, printed and recorded)")
    Long seed;

    @Option(names = "--label", description = "what the live progress line starts with (default: the --out file's name without .json)")
    String label;

    @Option(names = "--timeout-minutes", defaultValue = "120", description = "the deadline of each JMH process (default: ${DEFAULT-VALUE})")
    long timeoutMinutes;

    @Parameters(arity = "0..*", description = "JMH options")
    List<String> jmh = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        since = System.nanoTime();
        Files.deleteIfExists(log);
        if (interleave == null) {
            List<String> args = new ArrayList<>(jmh);
            total = count(args);
            return run(args, out, "") ? 0 : 1;
        }
        Interleaved plan = Interleaved.plan(jmh, interleave, param -> listing().valuesOf(param));
        long s = seed != null ? seed : new SecureRandom().nextLong();
        InterleavedSchedule schedule = InterleavedSchedule.of(plan.settings(), plan.rounds(), s);
        String name = out.getFileName().toString().replaceFirst("\\.json$", "");
        Path forks = (out.getParent() == null ? Path.of(".") : out.getParent()).resolve("forks").resolve(name);
        Files.createDirectories(forks);
        System.out.println("interleaved by " + interleave + ": " + plan.rounds() + " rounds, seed " + s + ", order " + schedule.describe());
        System.out.flush();
        List<InterleavedMerge.Fork> done = new ArrayList<>();
        boolean failed = false;
        List<List<String>> slotArgs = new ArrayList<>();
        for (InterleavedSchedule.Slot slot : schedule.slots()) {
            List<String> args = new ArrayList<>(plan.rest());
            args.addAll(List.of("-f", "1"));
            for (String p : slot.setting().split(" ")) {
                args.addAll(List.of("-p", p));
            }
            slotArgs.add(args);
            total += count(args);
        }
        for (int i = 0; i < schedule.slots().size(); i++) {
            InterleavedSchedule.Slot slot = schedule.slots().get(i);
            List<String> args = slotArgs.get(i);
            Path file = forks.resolve(String.format("r%02d-%s.json", slot.round(), slot.setting().replaceAll("[^A-Za-z0-9._-]", "_")));
            String header = "== interleaved " + (i + 1) + "/" + schedule.slots().size() + ": round " + slot.round() + ", " + slot.setting()
                    + " (seed " + s + ")\n";
            if (run(args, file, header) && Files.isRegularFile(file)) {
                done.add(new InterleavedMerge.Fork(slot, i, file));
            } else {
                failed = true;
            }
        }
        if (!done.isEmpty()) {
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), InterleavedMerge.merge(name, s, done));
        }
        return failed || done.isEmpty() ? 1 : 0;
    }

    /** One {@code java -jar} of the benchmarks jar; its output appended to the log. */
    private boolean run(List<String> args, Path result, String header) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        if (!include.isEmpty()) {
            command.add(include);
        }
        command.addAll(args);
        if (!forkProps.isBlank()) {
            command.addAll(List.of("-jvmArgsPrepend", forkProps));
        }
        command.addAll(List.of("-rf", "json", "-rff", result.toString()));
        Files.writeString(log, header + "+ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println("+ " + String.join(" ", command));
        System.out.flush(); // scripts/bench shows each run as it starts, even through a pipe
        // where the run is, from its log: one line kept current on a terminal, a line per benchmark without one
        JmhProgress progress = JmhProgress.follow(label != null ? label : out.getFileName().toString().replaceFirst("\\.json$", ""), log, System.out,
                onATerminal(), new JmhProgress.Position(started, total, since, interleave != null));
        try {
            return exec(command, log, timeoutMinutes);
        } finally {
            progress.close(); // reads the log to its end
            started += progress.started();
        }
    }

    /**
     * Whether the live line goes to a terminal: this JVM's standard input and output are one, or the caller says its
     * own output is ({@code WIREBENCH_TERMINAL=1}: scripts/nightly pipes scripts/bench through {@code tee}).
     */
    static boolean onATerminal() {
        return System.console() != null || "1".equals(System.getenv("WIREBENCH_TERMINAL"));
    }

    /** The benchmarks this command's JMH runs start in all (the live progress's N; 0 when not known) and have started so far. */
    private int total;
    private int started;
    /** When this command began ({@link System#nanoTime}): the whole run's estimate counts from here. */
    private long since;

    /** How many benchmarks a JMH run with these options runs, from JMH's listing; 0 when the listing cannot be had. */
    private int count(List<String> args) {
        try {
            return listing().count(args);
        } catch (RuntimeException e) {
            return 0; // the run itself will say what is wrong with its options; the progress goes without N
        }
    }

    private JmhListing listing;

    /** What JMH lists ({@code -lp}) for the included benchmarks, asked once. */
    private JmhListing listing() {
        if (listing == null) {
            listing = JmhListing.of(java, jar, include);
        }
        return listing;
    }

    /** Runs {@code command} with its output appended to {@code output}; true when it exits 0 within the deadline, else killed. */
    private static boolean exec(List<String> command, Path output, long minutes) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Files.writeString(output, "jmh-run: killed after " + minutes + " min\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            return false;
        }
        return process.exitValue() == 0;
    }

    /**
     * An interleaved run's plan from its JMH options: the rounds (the last {@code -f}), each interleaved param's
     * values (its last {@code -p PARAM=a,b}, else what JMH lists), their combinations as settings
     * ("transport=nats shape=tiny"), and the other options.
     */
    record Interleaved(int rounds, List<String> settings, List<String> rest) {

        static Interleaved plan(List<String> jmh, List<String> params, Function<String, List<String>> listed) {
            Integer rounds = null;
            Map<String, List<String>> values = new LinkedHashMap<>();
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < jmh.size(); i++) {
                String option = jmh.get(i);
                if (("-f".equals(option) || "-p".equals(option)) && i + 1 >= jmh.size()) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String next = i + 1 < jmh.size() ? jmh.get(i + 1) : "";
                String named = "-p".equals(option) ? params.stream().filter(p -> next.startsWith(p + "=")).findFirst().orElse(null) : null;
                if ("-f".equals(option)) {
                    try {
                        rounds = Integer.parseInt(jmh.get(++i));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("-f " + jmh.get(i) + ": not a number of forks");
                    }
                } else if (named != null) {
                    values.put(named, List.of(jmh.get(++i).substring(named.length() + 1).split(",")));
                } else {
                    rest.add(option);
                }
            }
            if (rounds == null || rounds < 1) {
                throw new IllegalArgumentException("an interleaved run needs -f N (N >= 1: the rounds, one fork of each setting a round)");
            }
            List<String> settings = List.of("");
            for (String param : params) {
                List<String> these = values.containsKey(param) ? values.get(param) : listed.apply(param);
                if (these.isEmpty() || these.stream().anyMatch(v -> v.isBlank() || v.contains(" "))) {
                    throw new IllegalArgumentException("--interleave " + param + ": no values to interleave (or a value with a space): " + these);
                }
                List<String> combined = new ArrayList<>();
                for (String setting : settings) {
                    for (String v : these) {
                        combined.add((setting.isEmpty() ? "" : setting + " ") + param + "=" + v);
                    }
                }
                settings = combined;
            }
            return new Interleaved(rounds, settings, rest);
        }
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new JmhRunCommand());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("jmh-run: " + e.getMessage());
            return 2;
        });
        System.exit(cli.execute(args));
    }
}
