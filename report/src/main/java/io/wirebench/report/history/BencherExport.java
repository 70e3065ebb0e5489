package io.wirebench.report.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirebench.report.format.Format;
import io.wirebench.report.model.Metric;
import io.wirebench.report.model.RunFolder;

/**
 * A run in Bencher Metric Format (BMF), for {@code bencher run --adapter json --file bmf.json}: an object of
 * benchmarks, each an object of measures ({@link DashboardFigure#measureSlug}: what and its unit, since a Bencher
 * measure has one unit), each {@code {value, lower_value, upper_value}} (the bounds: the fork-level interval, when
 * there is one).
 */
public final class BencherExport {
    private BencherExport() {
    }

    public static String render(RunFolder run) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        for (DashboardFigure f : DashboardFigure.of(run)) {
            ObjectNode benchmark = root.has(f.name()) ? (ObjectNode) root.get(f.name()) : root.putObject(f.name());
            ObjectNode measure = benchmark.putObject(f.measureSlug());
            measure.put("value", f.value());
            if (f.hasInterval()) {
                measure.put("lower_value", f.low());
                measure.put("upper_value", f.high());
            }
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
