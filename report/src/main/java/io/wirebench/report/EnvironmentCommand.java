package io.wirebench.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Writes a run folder's {@code environment.txt} for {@code scripts/bench} ({@link RunEnvironment}):
 * {@code write} probes the machine when the run starts, {@code add KEY VALUE} sets one more line as the
 * run goes (the schedule's seed, a test hook, what failed).
 */
@Command(name = "environment", mixinStandardHelpOptions = true, description = "Write or add to a run's environment.txt.",
        subcommands = {EnvironmentCommand.Write.class, EnvironmentCommand.Add.class})
public final class EnvironmentCommand {

    @Command(name = "write", mixinStandardHelpOptions = true, description = "Probe this machine and write environment.txt.")
    static final class Write implements Callable<Integer> {
        @Option(names = "--out", required = true, description = "the file to write (the run folder's environment.txt)")
        Path out;

        @Option(names = "--command", required = true, description = "the command the run was started with")
        String command;

        @Option(names = "--profile", required = true, description = "the scripts/bench profile")
        String profile;

        @Option(names = "--config", defaultValue = "config/benchmark-config.yaml", description = "the profiles' file (default: ${DEFAULT-VALUE})")
        String config;

        @Option(names = "--java", defaultValue = "java", description = "the java the benchmarks run on (default: ${DEFAULT-VALUE})")
        String java;

        @Override
        public Integer call() {
            RunEnvironment.probe(command, profile, config, java, Path.of("").toAbsolutePath()).write(out);
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Set one line of an existing environment.txt.")
    static final class Add implements Callable<Integer> {
        @Option(names = "--file", required = true, description = "the run folder's environment.txt")
        Path file;

        @Parameters(index = "0", description = "the line's key, e.g. seed")
        String key;

        @Parameters(index = "1", description = "its value")
        String value;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + ": no such environment.txt (write it first)");
            }
            RunEnvironment.read(file).with(key, value).write(file);
            return 0;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new EnvironmentCommand()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            System.err.println("environment: " + e.getMessage());
            return 2;
        }).execute(args));
    }
}
