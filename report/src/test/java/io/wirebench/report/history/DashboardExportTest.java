package io.wirebench.report.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirebench.report.ReportCommand;
import io.wirebench.report.RunFixture;
import io.wirebench.report.format.Format;
import io.wirebench.report.model.Metric;
import io.wirebench.report.model.RunFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard exports read back against their formats' documented shapes: Bencher Metric Format (an object of
 * benchmarks, each an object of measures, each {@code value} with optional {@code lower_value}/{@code upper_value})
 * and github-action-benchmark's custom tools (an array of {@code name}, {@code unit}, {@code value}, optional
 * {@code range} and {@code extra}), with the direction taken from the unit.
 */
class DashboardExportTest {
    @TempDir
    Path dir;

    @BeforeEach
    void folder() throws IOException {
        RunFixture.copyTo(dir);
    }

    @Test
    void bencherMetricFormatRoundTrips() throws Exception {
        assertEquals(0, new CommandLine(new ReportCommand()).execute(dir.toString(), "--format", "bmf"));
        JsonNode bmf = new ObjectMapper().readTree(dir.resolve("bmf.json").toFile());
        assertTrue(bmf.isObject() && bmf.size() > 0, bmf.toString());
        int measures = 0;
        for (Iterator<Map.Entry<String, JsonNode>> b = bmf.fields(); b.hasNext(); ) {
            Map.Entry<String, JsonNode> benchmark = b.next();
            assertTrue(benchmark.getValue().isObject() && benchmark.getValue().size() > 0, benchmark.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> m = benchmark.getValue().fields(); m.hasNext(); ) {
                Map.Entry<String, JsonNode> measure = m.next();
                measures++;
                assertTrue(measure.getKey().matches("[a-z0-9]+(-[a-z0-9]+)*"), "a measure slug: " + measure.getKey());
                JsonNode v = measure.getValue();
                assertTrue(v.get("value").isNumber(), benchmark.getKey() + " " + v);
                assertEquals(v.has("lower_value"), v.has("upper_value"), "both bounds or none: " + v);
                if (v.has("lower_value")) {
                    assertTrue(v.get("lower_value").asDouble() <= v.get("value").asDouble() && v.get("value").asDouble() <= v.get("upper_value").asDouble(), v.toString());
                }
                for (Iterator<String> keys = v.fieldNames(); keys.hasNext(); ) {
                    assertTrue(Set.of("value", "lower_value", "upper_value").contains(keys.next()), "only BMF's keys: " + v);
                }
            }
        }
        assertEquals(DashboardFigure.of(RunFolder.read(dir)).size(), measures, "every figure once");
        JsonNode load = bmf.get("load.ecommerce transport=nats rate=" + Format.num(RunFolder.read(dir).loads().get(0).targetRate()));
        assertTrue(load != null && load.has("latency-p99-us") && load.has("throughput-ops-s"), bmf.toString());
    }

    @Test
    void githubActionBenchmarkFilesRoundTripWithTheDirectionFromTheUnit() throws Exception {
        assertEquals(0, new CommandLine(new ReportCommand()).execute(dir.toString(), "--format", "gab"));
        JsonNode smaller = new ObjectMapper().readTree(dir.resolve("gab-smaller-is-better.json").toFile());
        JsonNode bigger = new ObjectMapper().readTree(dir.resolve("gab-bigger-is-better.json").toFile());
        assertTrue(smaller.isArray() && smaller.size() > 0 && bigger.isArray() && bigger.size() > 0);
        Set<String> names = new HashSet<>();
        for (JsonNode f : smaller) {
            shape(f, names);
            assertTrue(f.get("unit").asText().endsWith("/op") || f.get("unit").asText().equals("us"), "smaller is better: " + f);
        }
        for (JsonNode f : bigger) {
            shape(f, names);
            assertTrue(f.get("unit").asText().startsWith("ops/"), "bigger is better: " + f);
        }
        assertEquals(DashboardFigure.of(RunFolder.read(dir)).size(), smaller.size() + bigger.size(), "every figure in one of the two");
        assertFalse(names.isEmpty());
    }

    private static void shape(JsonNode f, Set<String> names) {
        assertTrue(f.get("name").isTextual() && f.get("unit").isTextual() && f.get("value").isNumber(), f.toString());
        assertTrue(names.add(f.get("name").asText()), "names are unique: " + f.get("name"));
        for (Iterator<String> keys = f.fieldNames(); keys.hasNext(); ) {
            assertTrue(Set.of("name", "unit", "value", "range", "extra").contains(keys.next()), "only the action's keys: " + f);
        }
        if (f.has("range")) {
            assertTrue(f.get("range").asText().startsWith("± "), f.toString());
        }
    }
}
