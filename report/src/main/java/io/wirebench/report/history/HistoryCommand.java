package io.wirebench.report.history;

import io.wirebench.report.gate.RegressionGate;
import io.wirebench.report.model.RunEnvironment;
import io.wirebench.report.model.RunFolder;
import io.wirebench.report.model.ShellCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code scripts/history INPUT…}: a benchmark's figures over many runs, as {@code history.html} and
 * {@code history.csv} ({@link HistoryPage}). An input is a history file ({@code *.jsonl}, {@link HistoryFile}), a
 * run folder (it has an {@code environment.txt}), or a folder of run folders. With {@code --baseline} every run
 * folder is judged by the regression gate against it, so its charts show the gate's band and verdicts; a
 * history file carries the verdicts its runs were given. With {@code --append FILE} the run folders' entries are
 * added to that history file (a run already there is replaced) and the page is drawn from the whole file:
 * what {@code scripts/nightly} does after each run. A run given twice counts once (the later input's).
 * Exit code 0; 2 with an input that cannot be used, named with the reason.
 */
@Command(name = "history", mixinStandardHelpOptions = true, description = "Runs over time -> history.html and history.csv.")
public final class HistoryCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "history files (*.jsonl), run folders, or folders of run folders")
    List<Path> inputs;

    @Option(names = "--out", description = "where history.html and history.csv go (default: the --append file's folder, else results/history)")
    Path out;

    @Option(names = "--baseline", description = "judge each run folder against this baseline with the regression gate (e.g. results/baseline)")
    Path baseline;

    @Option(names = "--config", defaultValue = "config/regression.yaml", description = "the gate's settings (default: ${DEFAULT-VALUE})")
    Path config;

    @Option(names = "--append", paramLabel = "FILE", description = "add the run folders' entries to this history file, then draw the page from"
            + " the whole file (e.g. results/history/nightly.jsonl)")
    Path append;

    @Option(names = "--last", paramLabel = "N", defaultValue = "0", description = "draw only the newest N runs (default: every run);"
            + " a history file keeps every run")
    int last;

    @Override
    public Integer call() {
        if (last < 0) {
            throw new IllegalArgumentException("--last " + last + ": a number of runs, 1 or more (0: every run)");
        }
        RegressionGate gate = baseline == null ? null : new RegressionGate(RegressionGate.Settings.read(config));
        RunFolder base = baseline == null ? null : RunFolder.read(baseline);
        String baseCommit = base == null ? null : RunEnvironment.parse(base.environment()).get("git");
        Map<String, HistoryEntry> entries = new LinkedHashMap<>();
        for (Path input : inputs) {
            if (Files.isRegularFile(input) && input.getFileName().toString().endsWith(".jsonl")) {
                if (append != null) {
                    throw new IllegalArgumentException(input + ": with --append the inputs are run folders; the history file is --append's");
                }
                HistoryFile.read(input).forEach(e -> entries.put(e.run(), e));
                continue;
            }
            for (Path dir : runFolders(input)) {
                RunFolder run = RunFolder.read(dir);
                // what the run holds but could not be read is said, not dropped without a word (the gate lists it too)
                run.problems().forEach((file, problem) -> System.err.println("history: " + dir + ": unreadable, left out: " + file + ": " + problem));
                RegressionGate.Outcome outcome = gate == null ? null : gate.compare(base, run);
                String commit = RunEnvironment.parse(run.environment()).get("git");
                HistoryEntry entry = HistoryEntry.of(run, outcome, baseline == null ? null : baseline.toString(), baseCommit, commitDate(commit));
                entries.put(entry.run(), entry);
            }
        }
        List<HistoryEntry> drawn;
        if (append != null) {
            HistoryFile.append(append, entries.values());
            drawn = HistoryFile.read(append);
            entries.keySet().forEach(run -> System.out.println("history: " + run + " added to " + append));
        } else {
            drawn = List.copyOf(entries.values());
        }
        Path dir = out != null ? out : append != null ? append.toAbsolutePath().getParent() : Path.of("results", "history");
        String command = "scripts/history" + (baseline == null ? "" : " --baseline " + baseline) + (append == null ? "" : " --append " + append)
                + (last == 0 ? "" : " --last " + last)
                + (out == null ? "" : " --out " + out) + " " + String.join(" ", inputs.stream().map(Path::toString).toList());
        HistoryPage page = new HistoryPage(drawn, last);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("history.html"), page.html(command), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("history.csv"), page.csv(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot write the history page: " + e.getMessage(), e);
        }
        System.out.println("history: " + page.runs() + " runs drawn" + (page.runs() < drawn.size() ? " (the newest, of " + drawn.size() + ")" : "")
                + ", " + page.flagged().size() + " figure(s) with a regression flagged");
        System.out.println("history: " + dir.resolve("history.html"));
        System.out.println("history: " + dir.resolve("history.csv"));
        return 0;
    }

    /** A run folder (it has environment.txt), or the run folders inside a folder, in name order. */
    static List<Path> runFolders(Path input) {
        if (!Files.isDirectory(input)) {
            throw new IllegalArgumentException(input + ": neither a history file (*.jsonl) nor a folder");
        }
        if (Files.isRegularFile(input.resolve("environment.txt"))) {
            return List.of(input);
        }
        List<Path> runs = new ArrayList<>();
        try (Stream<Path> children = Files.list(input)) {
            children.filter(c -> Files.isRegularFile(c.resolve("environment.txt"))).sorted().forEach(runs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(input + ": cannot list: " + e.getMessage(), e);
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException(input + ": neither a run folder (no environment.txt) nor a folder of run folders (none inside has one)");
        }
        return runs;
    }

    /** The commit's date from git (ISO-8601), or null when git does not know the commit. */
    private static String commitDate(String commit) {
        if (commit == null || commit.isBlank()) {
            return null;
        }
        String date = ShellCommand.output(Path.of("."), false, "git", "show", "-s", "--format=%cI", commit);
        try {
            return date == null || date.isBlank() ? null : OffsetDateTime.parse(date.strip()).toInstant().toString();
        } catch (DateTimeParseException e) {
            return null; // not a date git would print: the run is ordered by its own date
        }
    }

    /** The command line, an unusable input answered with its reason on standard error and exit code 2. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new HistoryCommand());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("history: " + e.getMessage());
            return 2;
        });
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
