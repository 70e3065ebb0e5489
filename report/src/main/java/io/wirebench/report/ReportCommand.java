package io.wirebench.report;

import io.wirebench.report.claims.Claims;
import io.wirebench.report.format.Format;
import io.wirebench.report.gate.RegressionGate;
import io.wirebench.report.history.BencherExport;
import io.wirebench.report.history.GithubBenchmarkExport;
import io.wirebench.report.model.Metric;
import io.wirebench.report.model.RunFolder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code scripts/report RESULTS_DIR}: reads every JMH and load result in the folder (a file that cannot be
 * read is listed, the others are still reported), checks the claims, and writes {@code report.md},
 * {@code report.csv} and {@code report.html} into the folder. Exit code 0; 2 when the folder or the claims
 * file cannot be used.
 */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Results folder -> report.md, report.csv, report.html.")
public final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "a results folder, e.g. results/20261127T030027Z-quick-abc1234")
    Path dir;

    @Option(names = "--claims", defaultValue = "config/claims.yaml", description = "claims to check (default: ${DEFAULT-VALUE}; 'none' to skip)")
    String claims;

    @Option(names = "--regression", defaultValue = "config/regression.yaml",
            description = "the regression gate's settings, for what a gate can see in this run (default: ${DEFAULT-VALUE}, left out when absent; 'none' to skip)")
    String regression;

    @Option(names = "--format", defaultValue = "report", description = "report (report.md, .csv, .html; default), bmf (Bencher Metric Format:"
            + " bmf.json) or gab (github-action-benchmark: gab-smaller-is-better.json and gab-bigger-is-better.json)")
    String format;

    @Override
    public Integer call() throws Exception {
        RunFolder run = RunFolder.read(dir);
        switch (format) {
            case "report" -> {
            }
            case "bmf" -> {
                Files.writeString(dir.resolve("bmf.json"), BencherExport.render(run), StandardCharsets.UTF_8);
                System.out.println("bmf: " + dir.resolve("bmf.json"));
                return 0;
            }
            case "gab" -> {
                Files.writeString(dir.resolve("gab-smaller-is-better.json"), GithubBenchmarkExport.render(run, Metric.Direction.LOWER_IS_BETTER),
                        StandardCharsets.UTF_8);
                Files.writeString(dir.resolve("gab-bigger-is-better.json"), GithubBenchmarkExport.render(run, Metric.Direction.HIGHER_IS_BETTER),
                        StandardCharsets.UTF_8);
                System.out.println("gab: " + dir.resolve("gab-smaller-is-better.json") + " (" + GithubBenchmarkExport.SMALLER_IS_BETTER + ")");
                System.out.println("gab: " + dir.resolve("gab-bigger-is-better.json") + " (" + GithubBenchmarkExport.BIGGER_IS_BETTER + ")");
                return 0;
            }
            default -> throw new IllegalArgumentException("--format " + format + ": one of report, bmf, gab");
        }
        List<Claims.Answer> answers = "none".equals(claims) ? List.of() : Claims.read(Path.of(claims)).check(run);
        boolean defaultAbsent = "config/regression.yaml".equals(regression) && !Files.exists(Path.of(regression));
        RegressionGate.Settings gate = "none".equals(regression) || defaultAbsent ? null : RegressionGate.Settings.read(Path.of(regression));
        ReportModel model = ReportModel.of(run, answers, gate);
        Files.writeString(dir.resolve("report.md"), MarkdownReport.render(model), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.csv"), CsvReport.render(run), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.html"), HtmlReport.render(model), StandardCharsets.UTF_8);
        System.out.println("Answers:");
        model.findings().forEach(f -> System.out.println("- " + f.replace("**", "")));
        run.problems().forEach((file, problem) -> System.out.println("unreadable: " + file + ": " + problem));
        System.out.println("report: " + dir.resolve("report.md"));
        System.out.println("report: " + dir.resolve("report.html"));
        return 0;
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new ReportCommand());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("report: " + e.getMessage());
            return 2;
        });
        System.exit(cli.execute(args));
    }
}
