package io.wirebench.report;

import io.wirebench.report.model.Figure;
import io.wirebench.report.model.JmhJson;
import io.wirebench.report.model.JmhResult;
import io.wirebench.report.model.Metric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * One metric of one benchmark as a Markdown table: a parameter down the rows, another across the
 * columns, each cell the score (± the half-width of its 95% interval over forks, from 3 forks on), and optionally the columns
 * ranked per row, best first, in the direction the unit says. This is how the module READMEs get their
 * tables from a run's JSON, never by hand: the command line is printed above each table.
 */
@Command(name = "table", mixinStandardHelpOptions = true,
        description = "Pivot one metric of JMH JSON results into a Markdown table.")
public final class PivotTable implements Callable<Integer> {

    @Parameters(arity = "1..*", description = "JMH JSON result files")
    List<Path> files;

    @Option(names = "--benchmark", required = true, description = "class.method, e.g. CodecBenchmark.decode, or a class"
            + " (all its methods; pivot them with --cols method)")
    String benchmark;

    @Option(names = "--rows", required = true, description = "parameter down the rows, e.g. shape (also: threads, method;"
            + " metric: one row per metric named in --metric, comma-separated)")
    String rows;

    @Option(names = "--cols", required = true, description = "parameter across the columns, e.g. codec")
    String cols;

    @Option(names = "--metric", defaultValue = "primary", description = "primary, or a secondary metric such as gc.alloc.rate.norm or wireBytes"
            + " (with --rows metric: several, comma-separated)")
    String metric;

    @Option(names = "--where", description = "keep results whose parameter has this value, e.g. --where payload=valid")
    List<String> where = new ArrayList<>();

    @Option(names = "--over", description = "divide each cell by this benchmark's score in the same row, shown in %%,"
            + " e.g. --over CodecBenchmark.decode --over-where codec=json: validation time as a share of decode time")
    String over;

    @Option(names = "--over-where", description = "keep denominator results whose parameter has this value")
    List<String> overWhere = new ArrayList<>();

    @Option(names = "--rank", description = "add a column ranking the columns per row, best first")
    boolean rank;

    @Option(names = "--digits", defaultValue = "2", description = "decimals shown")
    int digits;

    @Override
    public Integer call() {
        List<JmhResult> results = new ArrayList<>();
        for (Path file : files) {
            results.addAll(JmhJson.read(file));
        }
        System.out.print(render(results));
        return 0;
    }

    String render(List<JmhResult> all) {
        List<JmhResult> kept = select(all, benchmark, where);
        Map<String, Metric> denominators = new LinkedHashMap<>();
        if (over != null) {
            for (JmhResult result : select(all, over, overWhere)) {
                if (denominators.put(param(result, rows), result.primary()) != null) {
                    throw new IllegalArgumentException("two results of " + over + " for " + rows + "=" + param(result, rows)
                            + ": add --over-where to pick one");
                }
            }
        }
        Set<String> rowValues = new LinkedHashSet<>();
        Set<String> colValues = new LinkedHashSet<>();
        Map<String, Metric> cells = new LinkedHashMap<>();
        String unit = null;
        List<String> metrics = List.of(metric.split(","));
        if (metrics.size() > 1 && !"metric".equals(rows)) {
            throw new IllegalArgumentException("--metric lists " + metrics.size() + " metrics: use --rows metric to show one per row");
        }
        for (JmhResult result : kept) {
          for (String metricName : metrics) {
            String row = "metric".equals(rows) ? metricName : param(result, rows);
            String col = param(result, cols);
            Metric value = result.metric(metricName);
            if (value != null && over == null) {
                // the figure from its forks: its error is the half-width of the fork-level interval (none under 3 forks)
                Figure f = Figure.of(result, metricName);
                value = new Metric(f.score(), f.hasInterval() ? (f.high() - f.low()) / 2 : Double.NaN, value.unit());
            }
            if (value == null) {
                throw new IllegalArgumentException(result.key() + " has no metric '" + metricName + "'; it has: primary, "
                        + String.join(", ", result.secondary().keySet()));
            }
            if (over != null) {
                Metric denominator = denominators.get(row);
                if (denominator == null) {
                    throw new IllegalArgumentException("no result of " + over + " for " + rows + "=" + row);
                }
                value = new Metric(100 * value.score() / denominator.score(), Double.NaN,
                        "% of " + over + " " + String.join(" ", overWhere));
            }
            if (cells.put(row + "\u0000" + col, value) != null) {
                throw new IllegalArgumentException("two results for " + rows + "=" + row + ", " + cols + "=" + col
                        + ": add --where to pick one (other params: " + result.params() + ")");
            }
            rowValues.add(row);
            colValues.add(col);
            unit = value.unit();
          }
        }
        StringBuilder out = new StringBuilder();
        out.append("| ").append(rows).append(" \\ ").append(cols).append(" (").append(unit).append(") |");
        colValues.forEach(c -> out.append(' ').append(c).append(" |"));
        if (rank) {
            out.append(" best first |");
        }
        out.append("\n|---|").append("---:|".repeat(colValues.size())).append(rank ? "---|" : "").append('\n');
        for (String row : rowValues) {
            out.append("| ").append(row).append(" |");
            Map<String, Metric> line = new LinkedHashMap<>();
            for (String col : colValues) {
                Metric cell = cells.get(row + "\u0000" + col);
                out.append(' ').append(cell == null ? "" : format(cell)).append(" |");
                if (cell != null && Double.isFinite(cell.score())) {
                    line.put(col, cell);
                }
            }
            if (rank) {
                Comparator<Map.Entry<String, Metric>> order = Comparator.comparingDouble(e -> e.getValue().score());
                Metric.Direction direction = new Metric(0, 0, unit).direction();
                if (direction == Metric.Direction.UNKNOWN) {
                    throw new IllegalArgumentException("--rank: the unit '" + unit + "' does not say whether lower or higher"
                            + " is better; leave out --rank for this metric");
                }
                if (direction == Metric.Direction.HIGHER_IS_BETTER) {
                    order = order.reversed();
                }
                out.append(' ').append(line.entrySet().stream().sorted(order).map(Map.Entry::getKey)
                        .collect(Collectors.joining(", "))).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private List<JmhResult> select(List<JmhResult> all, String name, List<String> conditions) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String condition : conditions) {
            int eq = condition.indexOf('=');
            if (eq < 1) {
                throw new CommandLine.ParameterException(new CommandLine(this), "a filter needs param=value, got '" + condition + "'");
            }
            filters.put(condition.substring(0, eq), condition.substring(eq + 1));
        }
        List<JmhResult> kept = all.stream()
                .filter(r -> r.benchmark().equals(name) || r.benchmark().endsWith("." + name)
                        || r.benchmark().contains("." + name + "."))
                .filter(r -> filters.entrySet().stream().allMatch(f -> f.getValue().equals(r.params().get(f.getKey()))))
                .collect(Collectors.toList());
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no result of " + name + " matches " + filters);
        }
        return kept;
    }

    private String format(Metric cell) {
        String score = String.format(Locale.ROOT, "%,." + digits + "f", cell.score());
        if (Double.isFinite(cell.error()) && cell.error() > 0) {
            return score + " ± " + String.format(Locale.ROOT, "%,." + digits + "f", cell.error());
        }
        return score;
    }

    private static String param(JmhResult result, String name) {
        if ("threads".equals(name)) {
            return String.valueOf(result.threads());
        }
        if ("method".equals(name)) {
            return result.benchmark().substring(result.benchmark().lastIndexOf('.') + 1);
        }
        String value = result.params().get(name);
        if (value == null) {
            throw new IllegalArgumentException(result.key() + " has no parameter '" + name + "'");
        }
        return value;
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new PivotTable());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("table: " + e.getMessage());
            return 2;
        });
        System.exit(cli.execute(args));
    }

}
