package io.wirebench.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code scripts/bench} asks of {@code config/benchmark-config.yaml}, one item per line: the modules
 * ({@code modules}), a module's JMH options in a profile ({@code jmh MODULE}, with the command line's
 * extra options after {@code --} taking precedence), the profile's own runs if it lists them ({@code runs}:
 * module, run name and include pattern, tab-separated; {@code jmh-run MODULE-NAME} for a run's options), or
 * its load runs ({@code load}: scenario, transport, seconds and configuration file, tab-separated), or whether it
 * measures the transports' floors ({@code peers}: {@code on} or {@code off}, then the stage's options), or
 * which param a module's runs interleave fork by fork ({@code interleave MODULE}: the param, or nothing).
 */
@Command(name = "profile", mixinStandardHelpOptions = true, description = "Read a scripts/bench profile.")
public final class ProfileCommand implements Callable<Integer> {

    @Option(names = "--config", defaultValue = "config/benchmark-config.yaml", description = "default: ${DEFAULT-VALUE}")
    Path config;

    @Option(names = "--profile", required = true, description = "quick, nightly, full, or another the file defines")
    String profile;

    @Parameters(index = "0", description = "modules | jmh | runs | jmh-run | peers | interleave | load")
    String what;

    @Parameters(index = "1..*", arity = "0..*", description = "for jmh: the module (for jmh-run: MODULE-NAME), then the extra JMH options")
    List<String> rest = new ArrayList<>();

    @Override
    public Integer call() {
        BenchmarkProfiles profiles = BenchmarkProfiles.read(config);
        BenchmarkProfiles.Profile chosen = profiles.profile(config, profile);
        switch (what) {
            case "modules" -> profiles.modules().forEach(System.out::println);
            case "jmh" -> {
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException("jmh needs the module");
                }
                List<String> extra = rest.subList(1, rest.size());
                BenchmarkProfiles.jmhArguments(chosen, rest.get(0), extra).forEach(System.out::println);
            }
            case "runs" -> chosen.runs().forEach(run -> System.out.println(run.module() + "\t" + run.name() + "\t"
                    + (run.include() == null ? "" : run.include())));
            case "jmh-run" -> {
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException("jmh-run needs the run, as MODULE-NAME");
                }
                List<String> extra = rest.subList(1, rest.size());
                BenchmarkProfiles.jmhArguments(chosen, profiles.run(config, profile, rest.get(0)), extra).forEach(System.out::println);
            }
            case "peers" -> {
                // first line: on or off; then the peers stage's options, one per line
                System.out.println(chosen.measuresPeers() ? "on" : "off");
                if (chosen.measuresPeers()) {
                    chosen.peers().forEach(System.out::println);
                }
            }
            case "interleave" -> {
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException("interleave needs the module");
                }
                String param = chosen.interleaveParam(rest.get(0));
                if (param != null) {
                    System.out.println(param);
                }
            }
            case "load" -> chosen.load().forEach(run -> System.out.println(run.scenario() + "\t" + run.transport() + "\t" + run.durationSeconds()
                    + "\t" + run.config()));
            default -> throw new IllegalArgumentException("unknown request '" + what + "'; use modules, jmh, runs, jmh-run, peers, interleave or load");
        }
        return 0;
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new ProfileCommand());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("profile: " + e.getMessage());
            return 2;
        });
        System.exit(cli.execute(args));
    }
}
