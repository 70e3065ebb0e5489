package io.wirebench.report.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirebench.report.format.Format;
import io.wirebench.report.model.Metric;
import io.wirebench.report.model.RunFolder;

/**
 * A run for github-action-benchmark's custom tools: an array of {@code {name, unit, value, range, extra}}, one file
 * for {@code customSmallerIsBetter} (times and bytes per operation, latencies) and one for
 * {@code customBiggerIsBetter} (operations per second), the direction taken from the unit. {@code range} is the
 * fork-level interval's half-width ({@code ± x}) when there is one; {@code extra} names the measure.
 */
public final class GithubBenchmarkExport {
    public static final String SMALLER_IS_BETTER = "customSmallerIsBetter";
    public static final String BIGGER_IS_BETTER = "customBiggerIsBetter";

    private GithubBenchmarkExport() {
    }

    /** The figures of {@code direction} (LOWER_IS_BETTER: customSmallerIsBetter; HIGHER_IS_BETTER: customBiggerIsBetter). */
    public static String render(RunFolder run, Metric.Direction direction) {
        ObjectMapper json = new ObjectMapper();
        ArrayNode figures = json.createArrayNode();
        for (DashboardFigure f : DashboardFigure.of(run)) {
            if (f.direction() != direction) {
                continue;
            }
            ObjectNode figure = figures.addObject();
            figure.put("name", f.name() + " " + f.measure());
            figure.put("unit", f.unit());
            figure.put("value", f.value());
            if (f.hasInterval()) {
                figure.put("range", "± " + Format.num((f.high() - f.low()) / 2));
            }
            figure.put("extra", f.measure() + (f.hasInterval() ? ", 95% t over forks" : ""));
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(figures) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
