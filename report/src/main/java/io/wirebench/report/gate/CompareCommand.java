package io.wirebench.report.gate;

import io.wirebench.report.model.RunFolder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code scripts/compare BASELINE CURRENT}: the regression gate ({@link RegressionGate}). Prints the
 * Markdown summary (and writes it with {@code --out}); exit code 0 no regression, 1 regression, 3 incomplete (benchmarks missing, failed or unreadable, or untestable), 2 not
 * comparable or unusable input, each explained in the output.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "Compare two results folders; exit 0 ok, 1 regression, 2 not comparable, 3 incomplete.")
public final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the baseline results folder, e.g. results/baseline")
    Path baseline;

    @Parameters(index = "1", description = "the current results folder")
    Path current;

    @Option(names = "--config", defaultValue = "config/regression.yaml", description = "thresholds and test settings (default: ${DEFAULT-VALUE})")
    Path config;

    @Option(names = "--out", description = "also write the Markdown summary here")
    Path out;

    @Option(names = "--regressed", description = "write each regressed benchmark here, one per line: its name, then -p name=value per parameter"
            + " (tab-separated), for re-running it under the profiler")
    Path regressed;

    @Option(names = "--across", split = ",", description = "environment lines allowed to differ, to compare what they change"
            + " (e.g. java: the same suite on two JVMs); one or more of cpu, memory, java, placement and the server.<name> lines")
    Set<String> across = new LinkedHashSet<>();

    @Override
    public Integer call() throws Exception {
        RegressionGate gate = new RegressionGate(RegressionGate.Settings.read(config));
        RegressionGate.Outcome outcome = gate.compare(RunFolder.read(baseline), RunFolder.read(current), across);
        String md = GateMarkdown.render(outcome);
        System.out.print(md);
        if (out != null) {
            Files.writeString(out, md, StandardCharsets.UTF_8);
        }
        if (regressed != null) {
            StringBuilder lines = new StringBuilder();
            Set<String> seen = new LinkedHashSet<>();
            for (RegressionGate.Row row : outcome.rows()) {
                if (row.change() == RegressionGate.Change.REGRESSION && row.result() != null && seen.add(row.key())) {
                    lines.append(row.result().benchmark());
                    new TreeMap<>(row.result().params()).forEach((k, v) -> lines.append("\t-p\t").append(k).append('=').append(v));
                    lines.append("\t-t\t").append(row.result().threads()).append('\n');
                }
            }
            Files.writeString(regressed, lines, StandardCharsets.UTF_8);
        }
        return outcome.exitCode();
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new CompareCommand());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("compare: " + e.getMessage());
            return 2;
        });
        System.exit(cli.execute(args));
    }
}
